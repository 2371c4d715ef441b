#include "CmarkArena.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

enum { ALIGNMENT = 16, BLOCK_SIZE = 1 << 20 };

/// A slab; allocations follow the 32-byte header. Slabs are mapped pages
/// (mmap), never reused, so every allocation is already zero (calloc's
/// promise). Not calloc: once a freed slab had raised glibc's mmap threshold
/// past the slab size, slabs came from the heap, and the pages of dropped
/// pieces stayed in the process while the deck grew after them (6-7 MB of a
/// 100,000-fact post's peak RSS); a mapping goes back whole at munmap.
typedef struct block {
  struct block *next;
  size_t size;
  size_t used;
  size_t padding;
} block;

/// Before each allocation: its size, so realloc knows what to copy.
typedef struct {
  size_t size;
  size_t padding;
} header;

struct awsml_arena {
  block *head;
  size_t reserved;
};

static _Thread_local awsml_arena *current_arena;

static void *take(size_t size) {
  size_t need = sizeof(header) + ((size + ALIGNMENT - 1) & ~(size_t)(ALIGNMENT - 1));
  awsml_arena *arena = current_arena;
  header *found;
  if (arena == NULL) {
    found = calloc(1, need);
    if (found == NULL) abort();
  } else {
    block *head = arena->head;
    if (head == NULL || head->used + need > head->size) {
      size_t size = need > BLOCK_SIZE / 4 ? need : BLOCK_SIZE;
      block *fresh = mmap(NULL, sizeof(block) + size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
      if (fresh == MAP_FAILED) abort();
      fresh->size = size;
      arena->reserved += sizeof(block) + size;
      if (size == need && head != NULL) {
        // A large allocation gets a slab of its own, behind the current one.
        fresh->next = head->next;
        head->next = fresh;
      } else {
        fresh->next = head;
        arena->head = fresh;
      }
      head = fresh;
    }
    found = (header *)((char *)(head + 1) + head->used);
    head->used += need;
  }
  found->size = size;
  return found + 1;
}

static void *arena_calloc(size_t count, size_t size) {
  if (size != 0 && count > SIZE_MAX / size) abort();
  return take(count * size);
}

static void *arena_realloc(void *pointer, size_t size) {
  if (pointer == NULL) return take(size);
  header *old = (header *)pointer - 1;
  if (size <= old->size) return pointer;
  void *moved = take(size);
  memcpy(moved, pointer, old->size);
  return moved;
}

static void arena_free(void *pointer) { (void)pointer; }

static cmark_mem allocator = {arena_calloc, arena_realloc, arena_free};

awsml_arena *awsml_arena_create(void) {
  awsml_arena *arena = calloc(1, sizeof(awsml_arena));
  if (arena == NULL) abort();
  return arena;
}

void awsml_arena_destroy(awsml_arena *arena) {
  if (arena == NULL) return;
  block *slab = arena->head;
  while (slab != NULL) {
    block *next = slab->next;
    munmap(slab, sizeof(block) + slab->size);
    slab = next;
  }
  free(arena);
}

void awsml_arena_use(awsml_arena *arena) { current_arena = arena; }

cmark_mem *awsml_arena_allocator(void) { return &allocator; }

unsigned long awsml_arena_reserved(const awsml_arena *arena) { return arena ? arena->reserved : 0; }
