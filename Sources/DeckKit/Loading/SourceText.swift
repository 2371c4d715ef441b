#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a post from disk and checks it is text before anything parses it.
///
/// Plain POSIX calls rather than Foundation: this runs before the first frame,
/// and each check names the file (and line) in a `DeckLoadError`.
enum SourceText {
    /// Posts above this size are refused rather than parsed for minutes.
    static let maximumSize = 256 * 1_048_576

    /// The bytes of the file at `path` (the bytes of its name, not
    /// necessarily UTF-8); errors name it as `file`.
    static func read(path: [UInt8], file: String) throws(DeckLoadError) -> [UInt8] {
        let path = path.map { CChar(bitPattern: $0) } + [0]
        var info = stat()
        guard stat(path, &info) == 0 else {
            let code = errno
            if code == ENOENT || code == ENOTDIR { throw DeckLoadError(file: file, reason: .notFound) }
            throw DeckLoadError(file: file, reason: .unreadable(String(cString: strerror(code))))
        }
        if (info.st_mode & S_IFMT) == S_IFDIR { throw DeckLoadError(file: file, reason: .isFolder) }
        // A FIFO would block the open (and the screen) until a writer came;
        // a device may never end. Neither is opened.
        if (info.st_mode & S_IFMT) != S_IFREG { throw DeckLoadError(file: file, reason: .notRegularFile) }
        if info.st_size > maximumSize { throw DeckLoadError(file: file, reason: .tooLarge(limit: maximumSize)) }

        // O_NONBLOCK: should a FIFO be put in the file's place after the
        // check, the open does not wait for a writer; fstat then refuses it.
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else {
            throw DeckLoadError(file: file, reason: .unreadable(String(cString: strerror(errno))))
        }
        defer { close(descriptor) }
        var opened = stat()
        guard fstat(descriptor, &opened) == 0, (opened.st_mode & S_IFMT) == S_IFREG else {
            throw DeckLoadError(file: file, reason: .notRegularFile)
        }
        // Straight into the array, sized by fstat (one byte more, to see the
        // end at once), growing only if the file grew since.
        var bytes: [UInt8] = []
        var capacity = Int(max(opened.st_size, 0)) + 1
        while true {
            var failure: Int32 = 0
            let filled = bytes.count
            bytes = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
                if filled > 0 { _ = buffer.initialize(from: bytes) }
                count = filled
                while count < capacity {
                    let read = Glibc.read(descriptor, buffer.baseAddress! + count, capacity - count)
                    if read < 0 {
                        if errno == EINTR { continue }
                        failure = errno
                        return
                    }
                    if read == 0 { return }
                    count += read
                }
            }
            if failure != 0 { throw DeckLoadError(file: file, reason: .unreadable(String(cString: strerror(failure)))) }
            if bytes.count > maximumSize { throw DeckLoadError(file: file, reason: .tooLarge(limit: maximumSize)) }
            if bytes.count < capacity { return bytes }
            capacity = min(capacity * 2, maximumSize + 1)
        }
    }

    /// Where the text of `bytes` starts (after a leading byte-order mark),
    /// after the checks every post must pass: not binary, valid UTF-8, not
    /// blank. The bytes are checked where they are, not copied into a
    /// String: a second copy of a 58 MB post stayed in memory through the
    /// whole parse.
    static func check(_ bytes: [UInt8], file: String) throws(DeckLoadError) -> Int {
        if bytes.contains(0) { throw DeckLoadError(file: file, reason: .binary) }
        let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        let body = bytes[start...]
        do {
            _ = try UTF8Span(validating: body.span)
        } catch {
            throw DeckLoadError(file: file, line: lineOfFirstInvalidByte(in: body), reason: .notUTF8)
        }
        if body.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
            throw DeckLoadError(file: file, reason: .empty)
        }
        return start
    }

    /// 1-based line of the first byte that is not part of valid UTF-8.
    static func lineOfFirstInvalidByte(in bytes: ArraySlice<UInt8>) -> Int {
        var line = 1
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let lead = bytes[index]
            let length: Int
            switch lead {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return line
            }
            guard index + length <= bytes.endIndex,
                  String(validating: bytes[index..<(index + length)], as: UTF8.self) != nil
            else { return line }
            if lead == 0x0A { line += 1 }
            index += length
        }
        return line
    }
}
