#if canImport(Glibc)
import Glibc
#endif
import ArgumentParser

/// Writes to file descriptor 1 without Foundation and without `print`'s
/// locking of a global stream (Swift 6 rejects touching C's `stdout`).
struct StandardOutput {
    /// False when the text could not all be written (a closed pipe, a full disk).
    @discardableResult
    mutating func write(_ text: String) -> Bool {
        FileDescriptorWriter.write(text, to: STDOUT_FILENO)
    }
}

/// Writes to file descriptor 2: error lines go here.
enum StandardError {
    static func write(_ text: String) {
        FileDescriptorWriter.write(text, to: STDERR_FILENO)
    }

    /// Something the command could not do but went on without (a backup not
    /// made): `awsml-tui: warning: <file>: <reason>`.
    static func warn(_ what: CustomStringConvertible) {
        write("awsml-tui: warning: \(what)\n")
    }
}

/// How every command fails: one line `awsml-tui: error: <what>` on stderr
/// and exit status 2 (DESIGN.md: bad input gets a clear one-line error).
///
///     throw CommandFailure.report("\(path): no such file")
enum CommandFailure {
    static func report(_ what: String) -> ExitCode {
        StandardError.write("awsml-tui: error: \(what)\n")
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

/// Writes all of a string to a file descriptor, retrying short writes.
enum FileDescriptorWriter {
    @discardableResult
    static func write(_ text: String, to descriptor: Int32) -> Bool {
        var text = text
        return text.withUTF8 { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                offset += written
            }
            return true
        }
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
