#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Gives the system back the pages of a post's bytes already parsed, while
/// the rest is still being parsed (`DeckLoader.load(consuming:)`).
///
/// A large post's bytes were all held until its last piece was parsed, and
/// that moment, with the pieces' trees and the growing deck beside them, was
/// the load's peak: on the 11.5 MB post of `benchmarks/run.sh` the peak
/// RSS went from 71 to 61 MB when each piece's pages were dropped once
/// walked (issue 14: at most 6x the post). Only whole pages below the end
/// of the last piece walked are dropped (`madvise(MADV_DONTNEED)`): the
/// worker thread parses the pieces after it, which start at or after that
/// end, so it never reads a page dropped. The pages read back as zeros:
/// only the loader's own copy of the bytes, which nothing reads after the
/// parse, is ever given here.
struct ParsedPages {
    /// The bytes, from the start of the buffer the loader owns.
    private let bytes: UnsafeBufferPointer<UInt8>
    /// How far pages are dropped already (an address, page-aligned).
    private var droppedUpTo: Int
    private let pageSize: Int

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        pageSize = max(Int(sysconf(Int32(_SC_PAGESIZE))), 1)
        let start = Int(bitPattern: bytes.baseAddress)
        // The page holding the first byte may hold the allocator's own words
        // before it: never dropped.
        droppedUpTo = (start + pageSize - 1) / pageSize * pageSize
    }

    /// Drops the whole pages that lie before `offset` (bytes from the start).
    mutating func drop(before offset: Int) {
        guard let base = bytes.baseAddress, offset > 0 else { return }
        let end = Int(bitPattern: base) + min(offset, bytes.count)
        let upTo = end / pageSize * pageSize
        guard upTo > droppedUpTo, let from = UnsafeMutableRawPointer(bitPattern: droppedUpTo) else { return }
        // A failure only leaves the pages in memory.
        _ = madvise(from, upTo - droppedUpTo, Int32(MADV_DONTNEED))
        droppedUpTo = upTo
    }
}
