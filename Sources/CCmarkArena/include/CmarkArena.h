#ifndef AWSML_CMARK_ARENA_H
#define AWSML_CMARK_ARENA_H

#include <cmark-gfm.h>

/// A region that cmark allocates one piece's tree from, and that is dropped
/// whole once the piece is walked: no per-node malloc or free. cmark's
/// allocator callbacks take no context, so each thread names its region with
/// awsml_arena_use; a thread that walks a tree must name the tree's region
/// too, as reading a literal can allocate.
typedef struct awsml_arena awsml_arena;

awsml_arena *awsml_arena_create(void);
void awsml_arena_destroy(awsml_arena *arena);
/// This thread's cmark allocations go to `arena` (NULL: to leaked heap blocks).
void awsml_arena_use(awsml_arena *arena);
/// The allocator to give cmark_parser_new_with_mem.
cmark_mem *awsml_arena_allocator(void);
/// Bytes taken from the system by `arena`.
unsigned long awsml_arena_reserved(const awsml_arena *arena);

#endif
