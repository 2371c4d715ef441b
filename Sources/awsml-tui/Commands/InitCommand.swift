import ArgumentParser
import DeckKit
#if canImport(Glibc)
import Glibc
#endif

/// `awsml-tui init FILE [--force]`: writes the bundled post out as a file of
/// your own to edit. Its facts keep their ids (the post's title is in its
/// front matter), so `awsml-tui FILE` carries on with the progress made on
/// the bundled post.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write the bundled post out as FILE, to edit and study as your own (progress carries over).")

    @Argument(help: "Where to write the post.")
    var file: String

    @Flag(help: "Overwrite FILE if it exists.")
    var force = false

    func run() throws {
        let path = ArgumentBytes.bytes(of: file), shown = ArgumentBytes.shown(file)
        if !force, CPath.withCString(path, { access($0, F_OK) }) == 0 {
            throw CommandFailure.report("\(shown): already exists; add --force to overwrite it")
        }
        try OutputFile.write(DeckLoader.bundledText, to: path, shown: shown, replacing: force)
        try StandardOutput.write("Wrote \(shown). Study it with: awsml-tui \(shown)  (e on a fact edits it)\n")
    }
}
