#if canImport(Glibc)
import Glibc
#endif

/// Finds damage in the store's `-wal` that SQLite passes over in silence.
///
/// SQLite reads the log's frames in order and stops at the first one whose
/// checksum or salts do not match: every transaction after it is dropped
/// without an error, so a flipped byte in an early frame loses the answers
/// of a whole session (all that was written since the last checkpoint). A
/// count kept in the database cannot tell: whatever records it is in the
/// same log, lost with the rest (and once checkpointed, the answers it counts
/// are safe in the file). So the log itself is read before SQLite opens it
/// (format: https://www.sqlite.org/fileformat2.html#walformat).
///
/// A frame that fails is damage, not a write cut short, only when a later
/// frame of the same log still checks out against the one before it (each
/// frame's checksum carries on from the one stored in the frame before): a
/// log torn at its end (a crash mid-write, another process appending now)
/// never has that.
enum WriteAheadLogCheck {
    /// Damage found: how many committed transactions SQLite will drop, and
    /// the log's bytes as read.
    struct Damage {
        var lostTransactions: Int
        var log: [UInt8]
    }

    /// Reads `<store>-wal` (beside the real file); nil when there is none or
    /// it is whole. A log found damaged is read again and only counts when
    /// it is damaged at the same place (a writer may have been appending).
    static func inspect(storePath: String) -> Damage? {
        let path = StoreFileCheck.resolved(storePath) + "-wal"
        guard let first = readFile(path), let lost = lostTransactions(in: first) else { return nil }
        guard let second = readFile(path), lostTransactions(in: second) == lost else { return nil }
        return Damage(lostTransactions: lost, log: second)
    }

    /// The committed transactions after the first bad frame, when a later
    /// frame proves the log damaged; nil when SQLite will read all of it.
    static func lostTransactions(in log: [UInt8]) -> Int? {
        let headerSize = 32, frameHeaderSize = 24
        guard log.count >= headerSize + frameHeaderSize else { return nil }
        let pageSize = Int(word(log, 8, bigEndian: true))
        guard pageSize >= 512, pageSize <= 65536, pageSize & (pageSize - 1) == 0 else { return nil }
        let frameSize = frameHeaderSize + pageSize
        let frames = (log.count - headerSize) / frameSize
        guard frames > 0 else { return nil }
        func offset(_ frame: Int) -> Int { headerSize + frame * frameSize }
        func salts(_ frame: Int) -> (UInt32, UInt32) {
            (word(log, offset(frame) + 8, bigEndian: true), word(log, offset(frame) + 12, bigEndian: true))
        }
        func stored(_ start: Int) -> (UInt32, UInt32) {
            (word(log, start, bigEndian: true), word(log, start + 4, bigEndian: true))
        }
        func isCommit(_ frame: Int) -> Bool { word(log, offset(frame) + 4, bigEndian: true) != 0 }
        /// Whether `frame`'s checksum, carried on from `seed`, is the one it stores.
        func checksOut(_ frame: Int, from seed: (UInt32, UInt32), bigEndian: Bool) -> Bool {
            let start = offset(frame)
            var sum = checksum(log, start, 8, seed: seed, bigEndian: bigEndian)
            sum = checksum(log, start + frameHeaderSize, pageSize, seed: sum, bigEndian: bigEndian)
            return sum == stored(start + 16)
        }

        let magic = word(log, 0, bigEndian: true)
        let headerIsWhole = (magic == 0x377F_0682 || magic == 0x377F_0683)
            && checksum(log, 0, 24, seed: (0, 0), bigEndian: magic == 0x377F_0683) == stored(24)
        if !headerIsWhole {
            // SQLite ignores the whole log. It was damage if its frames still check out.
            let logSalts = salts(0)
            for bigEndian in [false, true] {
                let proven = (1..<max(frames, 1)).contains { frame in
                    salts(frame) == logSalts && checksOut(frame, from: stored(offset(frame - 1) + 16), bigEndian: bigEndian)
                }
                if proven {
                    let lost = (0..<frames).filter { salts($0) == logSalts && isCommit($0) }.count
                    return lost > 0 ? lost : nil
                }
            }
            return nil
        }
        let bigEndian = magic == 0x377F_0683
        let logSalts = (word(log, 16, bigEndian: true), word(log, 20, bigEndian: true))
        var seed = stored(24)
        var firstBad: Int?
        for frame in 0..<frames {
            if salts(frame) == logSalts && checksOut(frame, from: seed, bigEndian: bigEndian) {
                seed = stored(offset(frame) + 16)
            } else {
                firstBad = frame
                break
            }
        }
        guard let bad = firstBad else { return nil }
        // Frames of an older generation of the log (other salts) are left over, not lost.
        let later = (bad + 1)..<frames
        let proven = later.contains { frame in
            salts(frame) == logSalts && checksOut(frame, from: stored(offset(frame - 1) + 16), bigEndian: bigEndian)
        }
        guard proven else { return nil }
        let lost = (bad..<frames).filter { salts($0) == logSalts && isCommit($0) }.count
        return lost > 0 ? lost : nil
    }

    /// SQLite's log checksum: 32-bit words in pairs, carried on from `seed`.
    private static func checksum(_ bytes: [UInt8], _ start: Int, _ count: Int, seed: (UInt32, UInt32),
                                 bigEndian: Bool) -> (UInt32, UInt32) {
        var (s0, s1) = seed
        var index = start
        while index < start + count {
            s0 = s0 &+ word(bytes, index, bigEndian: bigEndian) &+ s1
            s1 = s1 &+ word(bytes, index + 4, bigEndian: bigEndian) &+ s0
            index += 8
        }
        return (s0, s1)
    }

    private static func word(_ bytes: [UInt8], _ at: Int, bigEndian: Bool) -> UInt32 {
        let (a, b, c, d) = (UInt32(bytes[at]), UInt32(bytes[at + 1]), UInt32(bytes[at + 2]), UInt32(bytes[at + 3]))
        return bigEndian ? a << 24 | b << 16 | c << 8 | d : d << 24 | c << 16 | b << 8 | a
    }

    private static func readFile(_ path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_size > 32 else { return nil }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
        var done = 0
        while done < bytes.count {
            let count = bytes.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + done, $0.count - done) }
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { break }
            done += count
        }
        return Array(bytes.prefix(done))
    }
}
