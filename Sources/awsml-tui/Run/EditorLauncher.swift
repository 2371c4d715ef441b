#if canImport(Glibc)
import Glibc
#endif

/// Opens a post in the learner's editor at a line, as git does: `$VISUAL`,
/// else `$EDITOR`, else `vi`, run by `/bin/sh` (so `EDITOR="code -w"` and
/// `EDITOR="TERM=xterm vim"` work) with the file as an argument of its own
/// (so no file name is ever read as shell). The line goes as `+LINE` to the
/// editors that read it so (vi, vim, nvim, nano, emacs, micro, kak…); others
/// get the file alone rather than a file named "+42". The editor starts with
/// the default signal actions (the app ignores Ctrl-C meanwhile, as git
/// does). Waits for it to end.
///
///     EditorLauncher.open(path: Array("notes.md".utf8), line: 42, environment: env)
///     // /bin/sh -c '$EDITOR "$@"' awsml-tui-editor +42 notes.md
enum EditorLauncher {
    static func command(environment: [String: String]) -> String {
        for name in ["VISUAL", "EDITOR"] {
            if let value = environment[name], value.contains(where: { !$0.isWhitespace }) { return value }
        }
        return "vi"
    }

    /// Editors known to take `+LINE` before the file.
    static let takesPlusLine: Set<String> = ["vi", "vim", "nvim", "gvim", "view", "vis", "ex", "nano", "pico", "emacs",
                                              "emacsclient", "micro", "kak", "joe", "jed", "mg", "ne", "helix", "hx",
                                              "elvis", "nvi", "busybox"]

    /// The arguments after the command: `+LINE` when the editor reads it, then the file.
    static func arguments(command: String, line: Int, path: [UInt8]) -> [[UInt8]] {
        // The program's name: the first word that is not a VAR=value setting.
        let program = command.split(separator: " ").first { !$0.contains("=") }.map { word in
            String(word.split(separator: "/").last ?? word)
        } ?? ""
        return takesPlusLine.contains(program) ? [Array("+\(max(1, line))".utf8), path] : [path]
    }

    /// Runs the editor on `path` at `line`. Returns nil when it ran and
    /// ended with status 0, else what went wrong, in words for the status bar.
    static func open(path: [UInt8], line: Int, environment: [String: String]) -> String? {
        let editor = command(environment: environment)
        let argv: [[UInt8]] = [Array("/bin/sh".utf8), Array("-c".utf8), Array("\(editor) \"$@\"".utf8),
                               Array("awsml-tui-editor".utf8)] + arguments(command: editor, line: line, path: path)
        var cStrings: [UnsafeMutablePointer<CChar>?] = argv.map { bytes in
            let pointer = UnsafeMutablePointer<CChar>.allocate(capacity: bytes.count + 1)
            for (index, byte) in bytes.enumerated() { pointer[index] = CChar(bitPattern: byte) }
            pointer[bytes.count] = 0
            return pointer
        }
        cStrings.append(nil)
        defer { for pointer in cStrings { pointer?.deallocate() } }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGINT, SIGQUIT, SIGTSTP] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF))
        var child: pid_t = 0
        let started = posix_spawn(&child, "/bin/sh", nil, &attributes, &cStrings, environ)
        guard started == 0 else { return "the editor could not start (\(String(cString: strerror(started))))" }
        var status: Int32 = 0
        while waitpid(child, &status, 0) < 0 && errno == EINTR {}
        // Exited normally with status 0?
        if status & 0x7F == 0 {
            let code = (status >> 8) & 0xFF
            if code == 0 { return nil }
            return code == 127 ? "the editor was not found: \(editor) (set $EDITOR)" : "the editor ended with status \(code)"
        }
        return "the editor was stopped by signal \(status & 0x7F)"
    }
}
