import DeckKit
import ProgressSQLite
import Reports
import StudyCore

/// One deck of `awsml-tui stats`: parsed from its post, or read from the
/// outline the store keeps of exactly these bytes (`DeckOutline` under its
/// `PostFingerprint`, written when a command that writes last loaded it).
/// Either way the report is made from the same facts, paths and texts, so
/// it prints the same bytes; only a post the store has no outline of (new,
/// edited, or loaded by another build) is parsed, which `stats` does not
/// write back: it only reads the store.
enum StatsDeck {
    case parsed(Deck)
    case outline(DeckOutline, file: String, post: PostFingerprint)

    /// The decks of `files` (none: the bundled post), from the store's
    /// outlines where it has them; a bad post is one line, as for `load`.
    static func load(_ files: [String], store: SQLiteProgressStore) throws -> [StatsDeck] {
        guard !files.isEmpty else { return [.parsed(DeckLoader.bundled())] }
        let loader = BuildIdentity.current()
        var decks: [StatsDeck] = []
        try DeckSource.read(files) { post in
            if let loader {
                let fingerprint = post.fingerprint(loader: loader)
                let outline: DeckOutline?
                do {
                    outline = try store.outline(post: fingerprint)
                } catch {
                    throw CommandFailure.report(storeRead: store.path, error)
                }
                if let outline {
                    decks.append(.outline(outline, file: post.shown, post: fingerprint))
                    return
                }
            }
            decks.append(.parsed(try DeckSource.parse(&post)))
        }
        return decks
    }

    /// The title the loader gave the deck (before `keptApart`).
    var title: String {
        switch self {
        case .parsed(let deck): deck.title
        case .outline(let outline, _, _): outline.title
        }
    }

    var file: String {
        switch self {
        case .parsed(let deck): deck.file
        case .outline(_, let file, _): file
        }
    }

    /// The facts with their topic paths, in post order.
    var scope: [(FactID, [String])] {
        switch self {
        case .parsed(let deck): StatsReport.scope(of: deck)
        case .outline(let outline, _, _): outline.scope
        }
    }

    /// What the report says of the deck: `title` as shown, and the texts of
    /// the leeches it lists (read from the outline's texts, a few of them).
    func heading(title: String, statistics: ProgressStatistics, store: SQLiteProgressStore) throws -> StatsReport.Heading {
        switch self {
        case .parsed(var deck):
            deck.title = title
            return StatsReport.headings([deck], [statistics])[0]
        case .outline(let outline, let file, let post):
            let leeches = StatsReport.leechesShown(statistics)
            guard !leeches.isEmpty else { return StatsReport.Heading(title: title, file: file) }
            let positions = outline.positions(of: Set(leeches.map(\.id)))
            let texts = try store.outlineTexts(post: post, factCount: outline.facts.count, at: Set(positions.values)) ?? [:]
            var leechTexts: [FactID: String] = [:]
            for (id, position) in positions { leechTexts[id] = texts[position] }
            return StatsReport.Heading(title: title, file: file, leechTexts: leechTexts)
        }
    }
}
