#if canImport(Glibc)
import Glibc
#endif

/// Writes a whole export to `--output` so that a failure never leaves a cut
/// file behind: the text goes to a new file beside the target
/// (`.NAME.awsml-tui-XXXXXXXX`), is flushed to the disk (`fsync`), and only
/// then renamed over the target. On a full disk or past a file size limit the
/// new file is removed, the target is as it was (or still absent), and the
/// failure is one line and status 2.
///
///     try OutputFile.write(json, to: Array("out.json".utf8), shown: "out.json", replacing: force)
///     // full disk: awsml-tui: error: out.json: cannot be written: No space left on device
///
/// Without `replacing` an existing target is refused, also one created
/// while the export was being made (the new file is linked in, which fails
/// rather than replace). A target that is not a regular file (`/dev/full`,
/// a FIFO) cannot be replaced by renaming: it is written in place, every
/// write and the close checked. A symbolic link is followed, so the file it
/// points to is replaced and the link kept. An existing file keeps its
/// permissions; a new one gets 0644 less the umask, as before.
enum OutputFile {
    static func write(_ text: String, to path: [UInt8], shown: String, replacing: Bool) throws {
        func failure(_ reason: String) -> Error { CommandFailure.report("\(shown): \(reason)") }
        func failure(code: Int32) -> Error { failure("cannot be written: \(WriteFailure(code: code))") }

        var target = path
        var existingMode: mode_t?
        var info = FileStatus()
        if CPath.status(target, &info) == 0 {
            if (info.st_mode & S_IFMT) == S_IFDIR { throw failure("is a folder") }
            guard replacing else { throw failure("already exists; add --force to overwrite it") }
            if (info.st_mode & S_IFMT) != S_IFREG {
                try writeInPlace(text, to: target, failure: failure(code:))
                return
            }
            existingMode = info.st_mode & 0o7777
            if let resolved = CPath.resolvedLink(target) { target = resolved }
        } else if errno != ENOENT {
            throw failure(code: errno)
        }

        let (temporary, descriptor) = try createTemporary(beside: target, failure: failure(code:))
        if let existingMode { _ = fchmod(descriptor, existingMode) }
        do throws(WriteFailure) {
            try FileDescriptorWriter.write(text, to: descriptor)
            guard fsync(descriptor) == 0 else { throw WriteFailure(code: errno) }
        } catch {
            _ = close(descriptor)
            _ = CPath.unlink(temporary)
            throw failure(code: error.code)
        }
        guard close(descriptor) == 0 else {
            let code = errno
            _ = CPath.unlink(temporary)
            throw failure(code: code)
        }
        try moveIntoPlace(temporary, target: target, replacing: replacing, failure: failure)
        syncFolder(of: target)
    }

    /// Writes to an existing file that is not a regular one (a device, a FIFO).
    private static func writeInPlace(_ text: String, to target: [UInt8],
                                     failure: (Int32) -> Error) throws {
        let descriptor = CPath.open(target, O_WRONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw failure(errno) }
        do throws(WriteFailure) {
            try FileDescriptorWriter.write(text, to: descriptor)
        } catch {
            _ = close(descriptor)
            throw failure(error.code)
        }
        guard close(descriptor) == 0 else { throw failure(errno) }
    }

    /// A new, empty file in the target's folder, named after it and hidden.
    private static func createTemporary(beside target: [UInt8],
                                        failure: (Int32) -> Error) throws -> ([UInt8], Int32) {
        let slash = target.lastIndex(of: UInt8(ascii: "/"))
        let folder = slash.map { Array(target[...$0]) } ?? []
        // Short enough for any file system's longest name with the suffix added.
        let name = Array(target[(slash.map { $0 + 1 } ?? 0)...].prefix(200))
        var code: Int32 = EEXIST
        for _ in 0..<100 {
            let suffix = String(UInt32.random(in: 0...UInt32.max), radix: 16)
            let temporary = folder + Array(".".utf8) + name + Array(".awsml-tui-\(suffix)".utf8)
            let descriptor = CPath.open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            if descriptor >= 0 { return (temporary, descriptor) }
            code = errno
            if code != EEXIST { break }
        }
        throw failure(code)
    }

    /// Renames the written file over the target; without `replacing`, links
    /// it in (which fails if the target appeared meanwhile) and removes the
    /// temporary name. On any failure the temporary file is removed.
    private static func moveIntoPlace(_ temporary: [UInt8], target: [UInt8], replacing: Bool,
                                      failure: (String) -> Error) throws {
        func give(up reason: String) -> Error {
            _ = CPath.unlink(temporary)
            return failure(reason)
        }
        if !replacing {
            if CPath.link(temporary, target) == 0 {
                _ = CPath.unlink(temporary)
                return
            }
            let code = errno
            if code == EEXIST { throw give(up: "already exists; add --force to overwrite it") }
            // A file system without hard links (EPERM, ENOTSUP…): rename, after one more look.
            var info = FileStatus()
            if CPath.linkStatus(target, &info) == 0 { throw give(up: "already exists; add --force to overwrite it") }
        }
        guard CPath.rename(temporary, target) == 0 else {
            throw give(up: "cannot be written: \(WriteFailure(code: errno))")
        }
    }

    /// Flushes the folder, so the rename itself survives a power cut. Best
    /// effort: the file is in place and whole either way.
    private static func syncFolder(of target: [UInt8]) {
        let slash = target.lastIndex(of: UInt8(ascii: "/"))
        let folder = slash.map { $0 == 0 ? [UInt8(ascii: "/")] : Array(target[..<$0]) } ?? Array(".".utf8)
        let descriptor = CPath.open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        _ = fsync(descriptor)
        _ = close(descriptor)
    }
}

/// `struct stat`, named apart from the function.
typealias FileStatus = stat

/// POSIX calls on paths given as bytes, which need not be UTF-8 (a file
/// named in Latin-1 is still a file).
enum CPath {
    static func withCString<Result>(_ path: [UInt8], _ body: (UnsafePointer<CChar>) -> Result) -> Result {
        (path + [0]).withUnsafeBufferPointer { bytes in
            bytes.withMemoryRebound(to: CChar.self) { body($0.baseAddress!) }
        }
    }

    /// `stat`: follows a symbolic link.
    static func status(_ path: [UInt8], _ info: inout FileStatus) -> Int32 {
        withCString(path) { stat($0, &info) }
    }

    /// `lstat`: the link itself.
    static func linkStatus(_ path: [UInt8], _ info: inout FileStatus) -> Int32 {
        withCString(path) { lstat($0, &info) }
    }

    static func open(_ path: [UInt8], _ flags: Int32, _ mode: mode_t = 0) -> Int32 {
        withCString(path) { Glibc.open($0, flags, mode) }
    }

    static func unlink(_ path: [UInt8]) -> Int32 {
        withCString(path) { Glibc.unlink($0) }
    }

    static func link(_ from: [UInt8], _ to: [UInt8]) -> Int32 {
        withCString(from) { from in withCString(to) { Glibc.link(from, $0) } }
    }

    static func rename(_ from: [UInt8], _ to: [UInt8]) -> Int32 {
        withCString(from) { from in withCString(to) { Glibc.rename(from, $0) } }
    }

    /// The file a symbolic link leads to, as an absolute path; nil when
    /// `path` is not a link or leads nowhere.
    static func resolvedLink(_ path: [UInt8]) -> [UInt8]? {
        var info = FileStatus()
        guard linkStatus(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK else { return nil }
        return withCString(path) { pointer -> [UInt8]? in
            guard let resolved = realpath(pointer, nil) else { return nil }
            defer { free(resolved) }
            return Array(UnsafeBufferPointer(start: resolved, count: strlen(resolved))).map { UInt8(bitPattern: $0) }
        }
    }
}
