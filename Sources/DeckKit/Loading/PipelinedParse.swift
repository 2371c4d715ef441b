import CCmarkArena
import CCmarkGFM
import Dispatch

/// Parses the pieces of a large post (`PostChunker`) on a worker thread, in
/// order, while the calling thread walks each parsed piece.
///
/// Each piece's tree is made in an arena of its own (`CCmarkArena`) and
/// dropped whole once walked: allocating and freeing cmark's nodes one by
/// one took a third of the load.
///
/// Why one worker and not one per core: cmark-gfm keeps the special
/// characters of its inline extensions (`~` for strikethrough) in a global
/// table that each parser adds to and removes from while it finishes, so two
/// parsers running at once can miss each other's strikethrough
/// (github/cmark-gfm#176). One parser at a time, overlapped with the walk,
/// is safe and still takes the walk off the critical path.
///
/// At most `lookahead` parsed pieces wait at once, so memory holds a few
/// pieces' trees, never the whole post's.
enum PipelinedParse {
    static let lookahead = 2

    /// Calls `walk` with each piece's document (nil if cmark could not make
    /// one) in order, on the calling thread; each document is dropped after.
    static func run(_ bytes: UnsafeBufferPointer<UInt8>, pieces: [PostChunker.Piece], blankLines: Int,
                    walk: (OpaquePointer?, PostChunker.Piece) -> Void) {
        cmark_gfm_core_extensions_ensure_registered() // once, here: registering is not thread-safe
        let shared = SharedPieces(bytes: bytes, pieces: pieces, blankLines: blankLines)
        let finished = DispatchGroup()
        finished.enter()
        DispatchQueue.global().async {
            for index in pieces.indices {
                shared.room.wait()
                let arena = awsml_arena_create()
                awsml_arena_use(arena)
                shared.documents[index] = shared.parse(index)
                awsml_arena_use(nil)
                shared.arenas[index] = arena
                shared.ready[index].signal()
            }
            finished.leave()
        }
        for index in pieces.indices {
            shared.ready[index].wait()
            // Reading a literal can allocate: into the piece's own arena.
            awsml_arena_use(shared.arenas[index])
            walk(shared.documents[index], pieces[index])
            awsml_arena_use(nil)
            awsml_arena_destroy(shared.arenas[index])
            shared.documents[index] = nil
            shared.arenas[index] = nil
            shared.room.signal()
        }
        finished.wait()
    }

    /// What the threads share. Each slot of `documents` is written by the
    /// worker before its `ready` semaphore is signalled and read by the caller
    /// after waiting on it, so the semaphores order every access.
    private final class SharedPieces: @unchecked Sendable {
        let bytes: UnsafeBufferPointer<UInt8>
        let pieces: [PostChunker.Piece]
        let blankLines: Int
        let documents: UnsafeMutableBufferPointer<OpaquePointer?>
        let arenas: UnsafeMutableBufferPointer<OpaquePointer?>
        let ready: [DispatchSemaphore]
        let room = DispatchSemaphore(value: PipelinedParse.lookahead)

        init(bytes: UnsafeBufferPointer<UInt8>, pieces: [PostChunker.Piece], blankLines: Int) {
            self.bytes = bytes
            self.pieces = pieces
            self.blankLines = blankLines
            documents = .allocate(capacity: pieces.count)
            documents.initialize(repeating: nil)
            arenas = .allocate(capacity: pieces.count)
            arenas.initialize(repeating: nil)
            ready = pieces.map { _ in DispatchSemaphore(value: 0) }
        }

        deinit {
            documents.deallocate()
            arenas.deallocate()
        }

        func parse(_ index: Int) -> OpaquePointer? {
            let piece = pieces[index]
            return MarkdownDeckBuilder.parse(UnsafeBufferPointer(rebasing: bytes[piece.range]),
                                             blankLines: index == 0 ? blankLines : 0, allocator: awsml_arena_allocator())
        }
    }
}
