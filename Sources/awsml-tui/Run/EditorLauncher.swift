#if canImport(Glibc)
import Glibc
#endif

/// Opens a post in the learner's editor at a line, as git does: `$VISUAL`,
/// else `$EDITOR`, else `vi`, run by `/bin/sh` (so `EDITOR="code -w"` works)
/// with `+LINE` and the file as arguments of their own (so no file name is
/// ever read as shell). Waits for it to end.
///
///     EditorLauncher.open(path: Array("notes.md".utf8), line: 42, environment: env)
///     // /bin/sh -c 'exec $EDITOR "$@"' awsml-tui-editor +42 notes.md
enum EditorLauncher {
    static func command(environment: [String: String]) -> String {
        for name in ["VISUAL", "EDITOR"] {
            if let value = environment[name], value.contains(where: { !$0.isWhitespace }) { return value }
        }
        return "vi"
    }

    /// Runs the editor on `path` at `line`; returns its exit status (-1 when it could not start).
    @discardableResult
    static func open(path: [UInt8], line: Int, environment: [String: String]) -> Int32 {
        let arguments: [[UInt8]] = [Array("/bin/sh".utf8), Array("-c".utf8),
                                    Array("exec \(command(environment: environment)) \"$@\"".utf8),
                                    Array("awsml-tui-editor".utf8), Array("+\(max(1, line))".utf8), path]
        var cStrings: [UnsafeMutablePointer<CChar>?] = arguments.map { bytes in
            let pointer = UnsafeMutablePointer<CChar>.allocate(capacity: bytes.count + 1)
            for (index, byte) in bytes.enumerated() { pointer[index] = CChar(bitPattern: byte) }
            pointer[bytes.count] = 0
            return pointer
        }
        cStrings.append(nil)
        defer { for pointer in cStrings { pointer?.deallocate() } }
        var child: pid_t = 0
        guard posix_spawn(&child, "/bin/sh", nil, nil, &cStrings, environ) == 0 else { return -1 }
        var status: Int32 = 0
        while waitpid(child, &status, 0) < 0 && errno == EINTR {}
        return status
    }
}
