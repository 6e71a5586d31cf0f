// One persistent helper thread for the two-thread product.
#ifndef NNBOOK_WORKER_H
#define NNBOOK_WORKER_H

namespace nnbook {

typedef void (*Task)(void* context);

/**
 * Starts task(context) on the helper thread and returns true; returns false (and runs nothing)
 * when the helper is busy with another caller's product or cannot be started. After a true, the
 * caller must call waitForWorker() before touching anything the task uses.
 */
bool startOnWorker(Task task, void* context);

/** Blocks until the task started by the last successful startOnWorker() has finished. */
void waitForWorker();

}  // namespace nnbook

#endif
