#if canImport(Glibc)
import Glibc
#endif
import ArgumentParser
import SafeText

/// Writes to file descriptor 1 without Foundation and without `print`'s
/// locking of a global stream (Swift 6 rejects touching C's `stdout`).
///
/// Nothing is buffered, so every failure shows at the write that met it: a
/// full disk, `/dev/full`, a file size limit. Each is one line on stderr and
/// status 2, never a silent exit 0 with the output cut short.
///
/// What is printed is terminal text: controls other than the line breaks
/// become U+FFFD (`TerminalSafe.lines`), whatever put them there, a file
/// name or a store path. Exports are written as they are (`writeVerbatim`).
///
///     try StandardOutput.write(report)
///     // awsml-tui check > /dev/full:
///     // awsml-tui: error: standard output: cannot be written: No space left on device
enum StandardOutput {
    /// Writes all of `text`; on failure prints the error line and throws
    /// exit status 2.
    static func write(_ text: String) throws {
        try writeVerbatim(TerminalSafe.lines(text))
    }

    /// Writes all of `text` as it is: an export, whose tabs and CR LF are its
    /// format.
    static func writeVerbatim(_ text: String) throws {
        do {
            try FileDescriptorWriter.write(text, to: STDOUT_FILENO)
        } catch {
            throw CommandFailure.report("standard output: cannot be written: \(error)")
        }
    }

    /// Closes file descriptor 1 once a command is done: some file systems
    /// (NFS, a quota) report a failed write only then. A descriptor that was
    /// never open (`>&-`) is no error here: a write to it has failed already.
    static func close() throws {
        guard Glibc.close(STDOUT_FILENO) != 0 else { return }
        let code = errno
        guard code != EBADF && code != EINTR else { return }
        throw CommandFailure.report("standard output: cannot be written: \(WriteFailure(code: code))")
    }
}

/// Writes to file descriptor 2: error lines and warnings go here.
enum StandardError {
    static func write(_ text: String) {
        // A failure to write an error line has nowhere to be reported; the
        // exit status still says it.
        try? FileDescriptorWriter.write(text, to: STDERR_FILENO)
    }

    /// One line `awsml-tui: warning: <what>`, made safe for the terminal as
    /// error lines are; the command goes on.
    static func warning(_ what: String) {
        write("awsml-tui: warning: \(TerminalSafe.line(what))\n")
    }

    /// Something the command could not do but went on without (a backup not
    /// made): `awsml-tui: warning: <file>: <reason>`.
    static func warn(_ what: CustomStringConvertible) {
        write("awsml-tui: warning: \(what)\n")
    }
}

/// How every command fails: one line `awsml-tui: error: <what>` on stderr
/// and exit status 2 (DESIGN.md: bad input gets a clear one-line error).
/// The line is made safe for the terminal: a control or a line break in a
/// file name shows as U+FFFD and cannot start a second line. (An argument
/// in it is shown by `ArgumentBytes.shown`, so its bytes that are not UTF-8
/// are U+FFFD too.)
///
///     throw CommandFailure.report("\(path): no such file")
enum CommandFailure {
    static func report(_ what: String) -> ExitCode {
        StandardError.write("awsml-tui: error: \(TerminalSafe.line(what))\n")
        return ExitCode(2)
    }

    static func report(_ error: any Error) -> ExitCode {
        report("\(error)")
    }

    /// A store that opened but could not be read: one line naming it (an
    /// SQLite message can run over several lines, with its SQL).
    static func report(storeRead path: String, _ error: any Error) -> ExitCode {
        let message = "\(error)".split(separator: "\n").first.map(String.init) ?? "\(error)"
        return report("\(path): cannot be read (\(message))")
    }
}

/// Why a write failed: the system's reason, as `strerror` words it.
struct WriteFailure: Error, CustomStringConvertible {
    let code: Int32

    var description: String { String(cString: strerror(code)) }
}

/// Writes all of a string to a file descriptor, retrying short writes.
enum FileDescriptorWriter {
    static func write(_ text: String, to descriptor: Int32) throws(WriteFailure) {
        var text = text
        let failure: Int32? = text.withUTF8 { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                // Nothing written and no error: not expected of a file, but never loop on it.
                if written == 0 { return EIO }
                offset += written
            }
            return nil
        }
        if let failure { throw WriteFailure(code: failure) }
    }
}

/// The process environment as a dictionary, read once at start.
enum ProcessEnvironment {
    static func current() -> [String: String] {
        var result: [String: String] = [:]
        var pointer = environ
        while let entry = pointer.pointee {
            let pair = String(cString: entry)
            if let equals = pair.firstIndex(of: "=") {
                result[String(pair[..<equals])] = String(pair[pair.index(after: equals)...])
            }
            pointer += 1
        }
        return result
    }
}
