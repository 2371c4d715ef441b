import DeckKit

/// What changed in the notes since their progress was last written, and the
/// progress moved to follow them (issue 16).
///
/// A fact's id is a hash of its topic and text, so an edit gives it a new id
/// and leaves its card behind. On opening, the cards of the loaded decks whose
/// fact is gone are matched (`FactRelinker`) against the facts that have no
/// card, by the text and topic the store kept when they were answered. A
/// confident match moves the card and the review log to the new id in one
/// transaction, recorded (`FactLink`) so it can be undone; a doubtful one is
/// listed to confirm; progress matched to nothing is listed as gone, never
/// dropped.
///
///     let changes = try NotesChanges.follow(decks: decks, cards: cards, store: store, now: now, apply: true)
///     changes.summary    // "3 facts changed since last time: 2 re-linked, 1 to confirm"
public struct NotesChanges: Hashable, Sendable {
    /// What the relinker found among the facts that changed.
    public var report: RelinkReport
    /// The re-links made now (empty when not applied).
    public var links: [FactLink]
    /// The facts on both sides, as they read: the old as the store kept them,
    /// the new as the notes have them now (for showing a change).
    public var facts: [FactID: KnownFact]

    public init(report: RelinkReport = RelinkReport(changes: []), links: [FactLink] = [],
                facts: [FactID: KnownFact] = [:]) {
        self.report = report
        self.links = links
        self.facts = facts
    }

    /// Finds what changed for `decks` and, with `apply`, moves the confident
    /// matches' progress in the store; `cards` are the store's cards (keyed by
    /// fact id), read already. Also keeps, once, the text of cards answered
    /// before the store kept texts, while their facts are still there.
    public static func follow(decks: [Deck], cards: [FactID: CardProgress], store: any ProgressStore, now: Timestamp,
                              apply: Bool) throws -> NotesChanges {
        let titles = decks.map(\.title)
        guard !titles.isEmpty else { return NotesChanges() }
        // Every card of these decks is a fact of them, and as many facts as
        // when last opened: the notes are as they were (the common case; it
        // costs two counts and a look-up per fact, no set of ids).
        var factCount = 0, cardsPresent = 0
        for deck in decks {
            deck.root.forEachNode { node in
                factCount += node.facts.count
                for fact in node.facts where cards[fact.id] != nil { cardsPresent += 1 }
            }
        }
        let seenCount = try store.seenFactCount(inDecks: titles)
        let hasOrphans = try store.cardCount(inDecks: titles) != cardsPresent
        guard hasOrphans || seenCount != factCount else { return NotesChanges() }
        var inDecks = Set<FactID>(minimumCapacity: factCount)
        for deck in decks { deck.root.forEachNode { node in for fact in node.facts { inDecks.insert(fact.id) } } }
        let orphans = hasOrphans ? try store.cardIDs(inDecks: titles).filter { !inDecks.contains($0) }.sorted() : []
        // Cards answered before the store kept texts get theirs the first
        // time their deck is opened (it has no facts seen yet).
        let unwritten = seenCount == 0 ? try store.factsWithoutText(inDecks: titles).filter(inDecks.contains) : []

        let current = knownFacts(in: decks)
        if apply && !unwritten.isEmpty {
            try store.rememberFacts(unwritten.compactMap { current[$0] })
        }
        let seen = try store.seenFacts(inDecks: titles)
        /// What the notes hold now, less the candidates of changes still to
        /// confirm: those stay "new since last time", so the change can be
        /// confirmed at a later opening too. Written after the re-links.
        func rememberSeen(except unconfirmed: Set<FactID>) throws {
            guard apply else { return }
            let perDeck = decks.map { deck in
                var ids = Set<FactID>()
                deck.root.forEachNode { node in
                    for fact in node.facts where !unconfirmed.contains(fact.id) { ids.insert(fact.id) }
                }
                return (title: deck.title, ids: ids)
            }
            try store.updateSeenFacts(perDeck, previous: seen)
        }
        guard !orphans.isEmpty else {
            try rememberSeen(except: [])
            return NotesChanges()
        }
        let old = try store.knownFacts(orphans)
        // Only a fact new since the notes were last opened can be what a
        // changed fact became: a fact that was there all along, unstudied, is
        // not (RESULTS.md, "Re-linking edited facts"). Before the store knew
        // what the notes held, every fact without progress may be.
        let candidates = current.values
            .filter { cards[$0.id] == nil && (seen.isEmpty || !seen.contains($0.id)) }
            .sorted { $0.id < $1.id }
        var report = FactRelinker().relink(old: old, new: candidates)
        // Progress with no text kept cannot be matched: listed as gone.
        let withText = Set(old.map(\.id))
        let textless = orphans.filter { !withText.contains($0) }
        if !textless.isEmpty {
            report.changes += textless.map { FactChange.removed(old: $0) }
        }
        var facts: [FactID: KnownFact] = [:]
        for fact in old { facts[fact.id] = fact }
        for change in report.changes {
            switch change {
            case .relinked(_, let new, _): facts[new] = current[new]
            case .toConfirm(_, let candidates): for candidate in candidates { facts[candidate.new] = current[candidate.new] }
            case .removed, .added: break
            }
        }
        let links = apply
            ? try store.relink(report.relinked.map {
                // The texts kept follow: the next change is matched from these.
                FactLink.Move(old: $0.old, new: $0.new, reason: $0.reason.name, fact: current[$0.new])
            }, now: now)
            : []
        try rememberSeen(except: Set(report.toConfirm.flatMap { $0.candidates.map(\.new) }))
        return NotesChanges(report: report, links: links, facts: facts)
    }

    /// Every fact of the decks as the relinker reads it: its plain text and
    /// the titles from the deck down to its topic (as `QuestionGenerator`
    /// gives them, and as answers store them).
    public static func knownFacts(in decks: [Deck]) -> [FactID: KnownFact] {
        var result: [FactID: KnownFact] = [:]
        for deck in decks {
            var stack: [(node: TopicNode, path: [String])] = [(deck.root, [deck.title])]
            while let (node, path) = stack.popLast() {
                for fact in node.facts {
                    result[fact.id] = KnownFact(id: fact.id, text: fact.text.plainText, topicPath: path)
                }
                for child in node.children { stack.append((child, path + [child.title.plainText])) }
            }
        }
        return result
    }

    /// The cards with the re-links made applied: each moved card under its
    /// new id.
    public func applied(to cards: [FactID: CardProgress]) -> [FactID: CardProgress] {
        var cards = cards
        for link in links {
            guard var card = cards.removeValue(forKey: link.old) else { continue }
            card.factID = link.new
            cards[link.new] = card
        }
        return cards
    }

    /// How many facts changed: re-linked, to confirm, gone.
    public var changedCount: Int { report.relinked.count + report.toConfirm.count + report.removed.count }

    /// One line for the status bar, nil when nothing changed:
    /// "3 facts changed since last time: 2 re-linked, 1 to confirm".
    public var summary: String? {
        guard changedCount > 0 else { return nil }
        var parts: [String] = []
        let relinked = links.isEmpty ? report.relinked.count : links.count
        if relinked > 0 { parts.append("\(relinked) re-linked") }
        if !report.toConfirm.isEmpty { parts.append("\(report.toConfirm.count) to confirm") }
        if !report.removed.isEmpty { parts.append("\(report.removed.count) gone") }
        let facts = changedCount == 1 ? "1 fact changed" : "\(changedCount) facts changed"
        return "\(facts) since last time: " + parts.joined(separator: ", ")
    }
}

extension RelinkReason {
    /// The word the store and the reports use: "edited", "moved", …
    public var name: String {
        switch self {
        case .moved: "moved"
        case .edited: "edited"
        case .topicRenamed: "topic renamed"
        case .split: "split"
        case .merged: "merged"
        }
    }
}
