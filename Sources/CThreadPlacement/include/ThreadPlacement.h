#ifndef AWSML_THREAD_PLACEMENT_H
#define AWSML_THREAD_PLACEMENT_H

#include <pthread.h>

/// Starts start(argument) on a new thread that may run on any core but the
/// calling thread's, when the process has another. Without this, Linux often
/// queues a new thread on its maker's core until the maker blocks, and work
/// meant to overlap runs after instead. Returns pthread_create's status.
int awsml_thread_start_elsewhere(pthread_t *thread, void *(*start)(void *), void *argument);

#endif
