import Testing
import TerminalUI
#if canImport(Glibc)
import Glibc
#endif

/// Compares a buffer's text with `Snapshots/<name>.txt` beside this file.
///
/// Snapshots are re-recorded on purpose only: run the tests with
/// `RECORD_SNAPSHOTS=1`, read the diff, commit it.
func assertSnapshot(_ buffer: ScreenBuffer, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let directory = String(#filePath.dropLast("SnapshotAssertion.swift".count)) + "Snapshots/"
    let path = directory + name + ".txt"
    let actual = buffer.textLines().joined(separator: "\n") + "\n"
    if getenv("RECORD_SNAPSHOTS") != nil {
        let file = fopen(path, "wb")!
        fputs(actual, file)
        fclose(file)
        return
    }
    guard let file = fopen(path, "rb") else {
        Issue.record("no snapshot at \(path); run with RECORD_SNAPSHOTS=1 to record it", sourceLocation: sourceLocation)
        return
    }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 4096)
    while true {
        let count = fread(&chunk, 1, chunk.count, file)
        if count <= 0 { break }
        bytes += chunk[0..<count]
    }
    fclose(file)
    let expected = String(decoding: bytes, as: UTF8.self)
    if actual != expected {
        Issue.record("screen differs from snapshot \(name).txt\n--- expected\n\(expected)--- actual\n\(actual)",
                     sourceLocation: sourceLocation)
    }
}
