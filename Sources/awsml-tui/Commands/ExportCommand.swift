import ArgumentParser
import DeckKit
import ProgressSQLite
import Reports
import StudyCore
#if canImport(Glibc)
import Glibc
#endif

/// `awsml-tui export --format anki|csv|json [FILE…] [--output FILE [--force]]`.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export the decks (with progress, for csv and json) for Anki, spreadsheets or scripts.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case anki, csv, json
    }

    @Argument(help: "Markdown posts to export (default: the bundled post).")
    var files: [String] = []

    @Option(help: "anki (tab-separated, imports into Anki as it is), csv (RFC 4180) or json.")
    var format: Format

    @Option(name: .shortAndLong, help: "Write to this file instead of standard output.")
    var output: String?

    @Flag(help: "Overwrite the --output file if it exists.")
    var force = false

    @Option(name: .customLong("store"), help: "The progress file (default: $XDG_DATA_HOME/awsml-tui/progress.sqlite).")
    var storePath: String?

    func run() throws {
        let decks = try DeckSource.load(files)
        if let output, !force, CPath.withCString(ArgumentBytes.bytes(of: output), { access($0, F_OK) }) == 0 {
            throw CommandFailure.report("\(ArgumentBytes.shown(output)): already exists; add --force to overwrite it")
        }
        // Anki needs only the re-links (a note keeps the guid of its first id).
        let snapshot = try StoreSnapshot.read(storePath: storePath, wholeLog: format != .anki)
        let (cards, log) = (snapshot.cards, snapshot.log)
        var origins: [FactID: FactID] = [:]
        for link in snapshot.links { origins[link.new] = link.origin }
        let text: String = switch format {
        case .anki: AnkiExport.text(decks: decks, origins: origins)
        case .csv: CSVExport.text(decks: decks, cards: cards)
        case .json: JSONExport.text(decks: decks, cards: cards, log: log) + "\n"
        }
        guard let output else {
            try StandardOutput.writeVerbatim(text)
            return
        }
        try OutputFile.write(text, to: ArgumentBytes.bytes(of: output), shown: ArgumentBytes.shown(output),
                             replacing: force)
    }
}
