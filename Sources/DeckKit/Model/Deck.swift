import SafeText

/// A post loaded as something to study: its metadata and its topic tree.
public struct Deck: Hashable, Sendable {
    /// The front matter `title`, else the first level-1 heading, else the file name.
    public var title: String
    /// The `date` of the front matter as `YYYY-MM-DD`, when it has one.
    public var date: String?
    public var tags: [String]
    /// Where it came from: a path as the user gave it, or the bundled file's name.
    public var file: String
    /// Every front matter key and value as written (lists joined by ", ").
    public var frontMatter: [FrontMatterEntry]
    /// The deck node: its children are the top-level headings.
    public var root: TopicNode
    /// Things worth fixing in the post that did not stop it loading.
    public var warnings: [LoadWarning]

    public init(title: String, date: String?, tags: [String], file: String,
                frontMatter: [FrontMatterEntry], root: TopicNode, warnings: [LoadWarning]) {
        self.title = title
        self.date = date
        self.tags = tags
        self.file = file
        self.frontMatter = frontMatter
        self.root = root
        self.warnings = warnings
    }

    /// The decks with every title shared by two or more given its file's
    /// name ("Cloud Integration · notes-2024.md"), so that the tree, the
    /// stats and exports tell them apart. Titles are shown, never used as
    /// identity; the deck node's title follows.
    public static func keptApart(_ decks: [Deck]) -> [Deck] {
        let titles = keptApart(titles: decks.map { ($0.title, $0.file) })
        return zip(decks, titles).map { deck, title in
            guard title != deck.title else { return deck }
            var kept = deck
            kept.title = title
            kept.root.title = InlineText(plain: title)
            return kept
        }
    }

    /// The titles `keptApart` gives decks of these titles and files (for a
    /// deck known only by its outline).
    public static func keptApart(titles decks: [(title: String, file: String)]) -> [String] {
        var counts: [String: Int] = [:]
        for deck in decks { counts[deck.title, default: 0] += 1 }
        return decks.map { deck in
            guard counts[deck.title, default: 0] > 1 else { return deck.title }
            let name = TerminalSafe.line(deck.file.split(separator: "/").last.map(String.init) ?? deck.file)
            return "\(deck.title) · \(name)"
        }
    }

    /// Counts of the tree, as `check` prints them.
    public var summary: DeckSummary {
        var summary = DeckSummary()
        root.forEachNode { node in
            for fact in node.facts {
                if fact.kind == .question { summary.questions += 1 } else { summary.facts += 1 }
            }
            switch node.kind {
            case .deck: break
            case .group: summary.groups += 1
            case .heading: if node.isSection { summary.sections += 1 } else { summary.topics += 1 }
            }
        }
        return summary
    }
}

/// How many of each kind of node and fact a deck holds.
public struct DeckSummary: Hashable, Sendable {
    /// Headings with headings below them.
    public var sections = 0
    /// Headings with no heading below them.
    public var topics = 0
    /// Sub-groups named by bold labels.
    public var groups = 0
    /// Statements to learn.
    public var facts = 0
    /// Questions the notes ask themselves (question banks, flip cards).
    public var questions = 0

    public init() {}
}

/// One line of front matter: `title: "…"` or the bundled post's `title  "…"`.
public struct FrontMatterEntry: Hashable, Sendable {
    public var key: String
    public var values: [String]
    public var line: Int

    public init(key: String, values: [String], line: Int) {
        self.key = key
        self.values = values
        self.line = line
    }
}

/// Something in a post worth fixing that did not stop it loading.
public struct LoadWarning: Hashable, Sendable, CustomStringConvertible {
    public var line: Int
    public var message: String

    public init(line: Int, message: String) {
        self.line = line
        self.message = message
    }

    public var description: String { "line \(line): \(message)" }
}
