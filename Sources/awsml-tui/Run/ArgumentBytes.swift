#if canImport(Glibc)
import Glibc
#endif

/// The command line as the parser reads it, with every byte kept.
///
/// Swift's `CommandLine.arguments` turns bytes that are not UTF-8 into
/// U+FFFD, so a post named `caf\xe9.md` (Latin-1) became "caf�.md", a name no
/// file has, and was reported as "no such file" although it exists. Here
/// each such byte is carried through the parser as a scalar of its own,
/// U+10FF00 + byte (U+10FF80–U+10FFFF, the end of a private use plane), so a
/// path can be opened by its exact bytes and shown with U+FFFD:
///
///     // argv[1] = 63 61 66 E9 2E 6D 64
///     let file = ArgumentBytes.arguments()[0]   // "caf\u{10FFE9}.md"
///     ArgumentBytes.bytes(of: file)             // [0x63, 0x61, 0x66, 0xE9, 0x2E, 0x6D, 0x64]
///     ArgumentBytes.shown(file)                 // "caf\u{FFFD}.md"
///
/// The mapping is exact both ways: a UTF-8 argument that itself holds one of
/// those scalars has its bytes escaped the same way. An argument that is
/// valid UTF-8 without them (nearly all) is passed on as it is.
enum ArgumentBytes {
    /// The first scalar standing for a byte: U+10FF80 stands for 0x80.
    private static let escapeBase: UInt32 = 0x10FF00

    /// The arguments after the program's name.
    static func arguments() -> [String] {
        // argc is 0 when a program is started with an empty argv.
        guard CommandLine.argc > 1 else { return [] }
        return (1..<Int(CommandLine.argc)).map { index in
            let pointer = CommandLine.unsafeArgv[index]!
            return argument(UnsafeBufferPointer(start: UnsafeRawPointer(pointer).assumingMemoryBound(to: UInt8.self),
                                                count: strlen(pointer)))
        }
    }

    /// One argument's bytes as a String, with the bytes that are not UTF-8
    /// (or that spell an escape scalar) escaped.
    static func argument(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        if let text = String(validating: bytes, as: UTF8.self), !text.unicodeScalars.contains(where: isEscape) {
            return text
        }
        var scalars = String.UnicodeScalarView()
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            let length = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 0
            if length > 0, index + length <= bytes.count,
               let piece = String(validating: UnsafeBufferPointer(rebasing: bytes[index..<(index + length)]), as: UTF8.self),
               let scalar = piece.unicodeScalars.first, !isEscape(scalar) {
                scalars.append(scalar)
                index += length
            } else {
                scalars.append(Unicode.Scalar(escapeBase + UInt32(lead))!)
                index += 1
            }
        }
        return String(scalars)
    }

    /// The bytes `argument` was given as: what a path is opened by.
    static func bytes(of argument: String) -> [UInt8] {
        guard argument.utf8.contains(0xF4) else { return Array(argument.utf8) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(argument.utf8.count)
        for scalar in argument.unicodeScalars {
            if isEscape(scalar) {
                bytes.append(UInt8(scalar.value - escapeBase))
            } else {
                bytes.append(contentsOf: String(scalar).utf8)
            }
        }
        return bytes
    }

    /// `argument` as text to show: bytes that are not UTF-8 as U+FFFD, as
    /// `CommandLine.arguments` shows them.
    static func shown(_ argument: String) -> String {
        guard argument.utf8.contains(0xF4) else { return argument }
        return String(decoding: bytes(of: argument), as: UTF8.self)
    }

    /// The `--store` path, refused when it is not UTF-8: the store opens
    /// files by text names, and would otherwise make a new file named with
    /// U+FFFD beside the one meant, and start from no progress.
    static func storePath(_ argument: String?) throws -> String? {
        guard let argument else { return nil }
        if let text = String(validating: bytes(of: argument), as: UTF8.self) { return text }
        throw CommandFailure.report("\(shown(argument)): cannot be the progress file: its name is not UTF-8 text")
    }

    private static func isEscape(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= escapeBase + 0x80 && scalar.value <= escapeBase + 0xFF
    }
}
