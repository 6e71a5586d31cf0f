/**
 * The Jupyter wire protocol (messaging spec 5.3): message objects, HMAC-SHA256 signatures and
 * the ZeroMQ multipart framing `[identities…, "<IDS|MSG>", signature, header, parent_header,
 * metadata, content, buffers…]`.
 */
import { createHmac, randomUUID, timingSafeEqual } from "node:crypto";

/** The delimiter frame between routing identities and the signed message parts. */
export const DELIMITER = Buffer.from("<IDS|MSG>");

/** Header of every Jupyter message. */
export interface MessageHeader {
  msg_id: string;
  session: string;
  username: string;
  date: string;
  msg_type: string;
  version: string;
}

/** A decoded Jupyter message; `content` is left untyped and narrowed by the reader. */
export interface JupyterMessage {
  header: MessageHeader;
  parent_header: Partial<MessageHeader>;
  metadata: Record<string, unknown>;
  content: Record<string, unknown>;
}

/** Creates a new request message of `msgType` for `session`. */
export function createMessage(msgType: string, content: Record<string, unknown>, session: string): JupyterMessage {
  return {
    header: {
      msg_id: randomUUID(),
      session,
      username: "nnbook",
      date: new Date().toISOString(),
      msg_type: msgType,
      version: "5.3",
    },
    parent_header: {},
    metadata: {},
    content,
  };
}

/** HMAC-SHA256 (hex) of the four signed parts; the empty string when `key` is empty (signing off). */
export function signParts(key: string, parts: readonly (string | Buffer)[]): string {
  if (key === "") return "";
  const hmac = createHmac("sha256", key);
  for (const part of parts) hmac.update(part);
  return hmac.digest("hex");
}

/** Encodes `message` into ZeroMQ frames (no routing identities: a Dealer socket adds none). */
export function encodeMessage(key: string, message: JupyterMessage): Buffer[] {
  const parts = [message.header, message.parent_header, message.metadata, message.content].map((part) => Buffer.from(JSON.stringify(part), "utf8"));
  return [DELIMITER, Buffer.from(signParts(key, parts), "ascii"), ...parts];
}

/**
 * Decodes ZeroMQ frames into a message, skipping any routing identities / topic frames before
 * the delimiter. Throws if the delimiter is missing or the signature does not match `key`.
 */
export function decodeMessage(key: string, frames: readonly Buffer[]): JupyterMessage {
  const at = frames.findIndex((frame) => frame.equals(DELIMITER));
  if (at < 0 || frames.length < at + 6) {
    throw new Error(`malformed Jupyter message: ${frames.length} frames, delimiter at ${at}`);
  }
  const signature = frames[at + 1];
  const parts = frames.slice(at + 2, at + 6);
  const expected = Buffer.from(signParts(key, parts), "ascii");
  if (key !== "" && (expected.length !== signature.length || !timingSafeEqual(expected, signature))) {
    throw new Error("Jupyter message with an invalid HMAC signature");
  }
  const [header, parent, metadata, content] = parts.map((part) => JSON.parse(part.toString("utf8")));
  return { header, parent_header: parent, metadata, content };
}
