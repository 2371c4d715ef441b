#define _GNU_SOURCE
#include "ThreadPlacement.h"

#include <sched.h>

int awsml_thread_start_elsewhere(pthread_t *thread, void *(*start)(void *), void *argument) {
  pthread_attr_t attributes;
  if (pthread_attr_init(&attributes) != 0) return pthread_create(thread, NULL, start, argument);
  cpu_set_t allowed;
  if (sched_getaffinity(0, sizeof allowed, &allowed) == 0) {
    int current = sched_getcpu();
    if (current >= 0 && CPU_ISSET(current, &allowed) && CPU_COUNT(&allowed) > 1) {
      CPU_CLR(current, &allowed);
      pthread_attr_setaffinity_np(&attributes, sizeof allowed, &allowed);
    }
  }
  int status = pthread_create(thread, &attributes, start, argument);
  pthread_attr_destroy(&attributes);
  return status;
}
