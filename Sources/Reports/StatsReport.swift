import DeckKit
import SafeText
import StudyCore

/// `awsml-tui stats` as text and as JSON, one block per deck.
///
///     Progress: /home/ana/.local/share/awsml-tui/progress.sqlite (3 reviews logged)
///     AWS Machine Learning Specialty Bite Size Recap 2/3: 42 facts
///       cards: new 40 · learning 1 · young 1 · mature 0 · suspended 0 · buried 0
///       due: overdue 0 · later today 1 · tomorrow 0 · next 7 days 1 · next 30 days 1
///       …
public enum StatsReport {
    /// The statistics of each deck, counted in the learner's `days`.
    public static func statistics(decks: [Deck], cards: [FactID: CardProgress], log: [ReviewLogEntry],
                                  now: Timestamp, days: DayBoundary, scheduler: FSRSScheduler) -> [ProgressStatistics] {
        decks.map { deck in
            ProgressStatistics.compute(scope: scope(of: deck), cards: cards, log: log, now: now, days: days,
                                       scheduler: scheduler)
        }
    }

    /// A deck's facts with their topic paths (titles below the deck): what
    /// its statistics are counted over.
    public static func scope(of deck: Deck) -> [(FactID, [String])] {
        FactListing.facts(in: deck).map { ($0.fact.id, $0.path) }
    }

    /// How many of the weakest topics the text lists (the stats screen lists
    /// them all, in the same order).
    public static let weakestTopicsShown = 5

    /// What the report says of a deck besides its figures: whether the deck
    /// was parsed or read from its outline in the store (`DeckOutline`), the
    /// report is made from these, so the two print the same bytes.
    public struct Heading: Hashable, Sendable {
        /// As shown (after `Deck.keptApart`).
        public var title: String
        /// The path as the user gave it.
        public var file: String
        /// The plain texts of the leeches the text lists (`leechesShown`).
        public var leechTexts: [FactID: String]

        public init(title: String, file: String, leechTexts: [FactID: String] = [:]) {
            self.title = title
            self.file = file
            self.leechTexts = leechTexts
        }
    }

    /// The leeches whose texts the text report shows: the first few of each deck.
    public static func leechesShown(_ stats: ProgressStatistics) -> [ProgressStatistics.Leech] {
        Array(stats.leeches.prefix(weakestTopicsShown))
    }

    /// The store path and titles are shown as the terminal shows them
    /// (`TerminalSafe.line`), one line each whatever they hold.
    public static func text(decks: [Deck], statistics: [ProgressStatistics], reviews: Int, storePath: String) -> String {
        text(headings: headings(decks, statistics), statistics: statistics, reviews: reviews, storePath: storePath)
    }

    /// The same from headings (a deck read from its outline has no `Deck`).
    public static func text(headings: [Heading], statistics: [ProgressStatistics], reviews: Int, storePath: String) -> String {
        var lines = ["Progress: \(TerminalSafe.line(storePath)) (\(reviews) \(reviews == 1 ? "review" : "reviews") logged)"]
        for (deck, stats) in zip(headings, statistics) {
            lines.append("\(TerminalSafe.line(deck.title)): \(stats.facts) \(stats.facts == 1 ? "fact" : "facts")")
            lines.append("  cards: new \(stats.new) · learning \(stats.learning) · young \(stats.young) · mature \(stats.mature) · suspended \(stats.suspended) · buried \(stats.buried)")
            let week = stats.forecast.prefix(7).reduce(0, +), month = stats.forecast.reduce(0, +)
            lines.append("  due: overdue \(stats.overdue) · later today \(stats.forecast[0]) · tomorrow \(stats.forecast[1]) · next 7 days \(week) · next 30 days \(month)")
            lines.append("  reviews: last 7 days \(stats.reviewsLast7) (passed \(percent(stats.retentionLast7))) · last 30 days \(stats.reviewsLast30) (passed \(percent(stats.retentionLast30))) · desired retention \(percent(stats.desiredRetention))")
            lines.append("  mean retrievability now: \(percent(stats.meanRetrievability)) · streak: \(days(stats.currentStreak)) (longest \(days(stats.longestStreak)))")
            if !stats.weakestTopics.isEmpty {
                lines.append("  weakest topics:")
                for topic in stats.weakestTopics.prefix(weakestTopicsShown) {
                    lines.append("    \(topic.mastered)/\(topic.facts) mastered · R \(percent(topic.meanRetrievability)) · \(topic.lapses) lapses  \(TerminalSafe.line(topic.path.joined(separator: " › ")))")
                }
            }
            if !stats.leeches.isEmpty {
                let texts = deck.leechTexts
                lines.append("  leeches (forgotten \(stats.leechLapses) times or more; reword the note or suspend it): \(stats.leeches.count)")
                for leech in leechesShown(stats) {
                    lines.append("    \(leech.lapses) lapses  \(TerminalSafe.line(texts[leech.id] ?? leech.id.rawValue))  (\(TerminalSafe.line(leech.path.joined(separator: " › "))))")
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Each deck's heading, with the texts of the leeches shown (one walk of
    /// the deck, made only when it has leeches).
    public static func headings(_ decks: [Deck], _ statistics: [ProgressStatistics]) -> [Heading] {
        zip(decks, statistics).map { deck, stats in
            Heading(title: deck.title, file: deck.file, leechTexts: leechTexts(leechesShown(stats), in: deck))
        }
    }

    /// The plain text of the leeches' facts (the last of a repeated id, as
    /// the walk meets them).
    static func leechTexts(_ leeches: [ProgressStatistics.Leech], in deck: Deck) -> [FactID: String] {
        guard !leeches.isEmpty else { return [:] }
        let wanted = Set(leeches.map(\.id))
        var texts: [FactID: String] = [:]
        for (fact, _) in FactListing.facts(in: deck) where wanted.contains(fact.id) { texts[fact.id] = fact.text.plainText }
        return texts
    }

    /// The documented JSON: `{"store","reviews","decks":[{"title","file","facts","cards":{…},"due":{…},
    /// "reviews":{…},"meanRetrievability","streak":{…},"calendar":{…},"topics":[…]}]}`.
    public static func json(decks: [Deck], statistics: [ProgressStatistics], reviews: Int, storePath: String) -> String {
        json(headings: decks.map { Heading(title: $0.title, file: $0.file) }, statistics: statistics, reviews: reviews,
             storePath: storePath)
    }

    /// The same from headings (the JSON names no leech's text).
    public static func json(headings: [Heading], statistics: [ProgressStatistics], reviews: Int, storePath: String) -> String {
        var json = JSONWriter()
        json.object { json in
            json.field("store") { $0.string(storePath) }
            json.field("reviews") { $0.number(reviews) }
            json.field("decks") { json in
                json.array { json in
                    for (deck, stats) in zip(headings, statistics) { write(deck, stats, to: &json) }
                }
            }
        }
        return json.text
    }

    private static func write(_ deck: Heading, _ stats: ProgressStatistics, to json: inout JSONWriter) {
        json.object { json in
            json.field("title") { $0.string(deck.title) }
            json.field("file") { $0.string(deck.file) }
            json.field("facts") { $0.number(stats.facts) }
            json.field("cards") { json in
                json.object { json in
                    json.field("new") { $0.number(stats.new) }
                    json.field("learning") { $0.number(stats.learning) }
                    json.field("young") { $0.number(stats.young) }
                    json.field("mature") { $0.number(stats.mature) }
                    json.field("suspended") { $0.number(stats.suspended) }
                    json.field("buried") { $0.number(stats.buried) }
                }
            }
            json.field("due") { json in
                json.object { json in
                    json.field("overdue") { $0.number(stats.overdue) }
                    json.field("forecast") { json in json.array { json in stats.forecast.forEach { json.number($0) } } }
                }
            }
            json.field("reviews") { json in
                json.object { json in
                    json.field("last7Days") { $0.number(stats.reviewsLast7) }
                    json.field("last30Days") { $0.number(stats.reviewsLast30) }
                    json.field("retention7Days") { $0.decimal(stats.retentionLast7) }
                    json.field("retention30Days") { $0.decimal(stats.retentionLast30) }
                    json.field("desiredRetention") { $0.decimal(stats.desiredRetention) }
                }
            }
            json.field("meanRetrievability") { $0.decimal(stats.meanRetrievability) }
            json.field("leeches") { json in
                json.array { json in
                    for leech in stats.leeches {
                        json.object { json in
                            json.field("id") { $0.string(leech.id.rawValue) }
                            json.field("path") { json in json.array { json in leech.path.forEach { json.string($0) } } }
                            json.field("lapses") { $0.number(leech.lapses) }
                        }
                    }
                }
            }
            json.field("streak") { json in
                json.object { json in
                    json.field("current") { $0.number(stats.currentStreak) }
                    json.field("longest") { $0.number(stats.longestStreak) }
                }
            }
            json.field("calendar") { json in
                json.object { json in
                    json.field("start") { $0.string(DayBoundary.date(ofDay: stats.calendarStartDay)) }
                    json.field("reviews") { json in json.array { json in stats.calendar.forEach { json.number($0) } } }
                }
            }
            json.field("topics") { json in
                json.array { json in
                    for topic in stats.topics {
                        json.object { json in
                            json.field("path") { json in json.array { json in topic.path.forEach { json.string($0) } } }
                            json.field("facts") { $0.number(topic.facts) }
                            json.field("mastered") { $0.number(topic.mastered) }
                            json.field("meanRetrievability") { $0.decimal(topic.meanRetrievability) }
                            json.field("lapses") { $0.number(topic.lapses) }
                        }
                    }
                }
            }
        }
    }

    static func percent(_ value: Double?) -> String {
        guard let value else { return "–" }
        return "\(Int((value * 100).rounded()))%"
    }

    static func days(_ count: Int) -> String { "\(count) \(count == 1 ? "day" : "days")" }
}
