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
    /// Decks whose title changed, their cards moved to the new title (or,
    /// when not applied, to move).
    public var renames: [DeckRename]

    public init(report: RelinkReport = RelinkReport(changes: []), links: [FactLink] = [],
                facts: [FactID: KnownFact] = [:], renames: [DeckRename] = []) {
        self.report = report
        self.links = links
        self.facts = facts
        self.renames = renames
    }

    /// Finds what changed for `decks` and, with `apply`, moves the confident
    /// matches' progress in the store; `cards` are the store's cards (keyed by
    /// fact id), read already. Also keeps, once, the text of cards answered
    /// before the store kept texts, while their facts are still there.
    /// `cardsPerDeck`: how many cards each deck had when `cards` were read
    /// (`SQLiteProgressStore.loadCardsCountingDecks`), so the store is not
    /// asked to count them again; nil: asked.
    public static func follow(decks: [Deck], cards: [FactID: CardProgress], cardsPerDeck: [String: Int]? = nil,
                              store: any ProgressStore, now: Timestamp, apply: Bool) throws -> NotesChanges {
        let titles = decks.map(\.title)
        guard !titles.isEmpty else { return NotesChanges() }
        // Every card of these decks is a fact of them, and as many facts as
        // when last opened: the notes are as they were (the common case; it
        // costs two counts and a look-up per fact, no set of ids).
        var factCount = 0, cardsPresent = 0
        var bareDecks: [Deck] = [] // none of their facts has a card
        for deck in decks {
            let before = cardsPresent
            deck.root.forEachNode { node in
                factCount += node.facts.count
                // (`index(forKey:)`: the key alone; `cards[id] != nil` copied
                // each 145-byte card out, 20 of the 30 ms this walk took on a
                // 100,000-fact post with 90,000 cards.)
                for fact in node.facts where cards.index(forKey: fact.id) != nil { cardsPresent += 1 }
            }
            if cardsPresent == before { bareDecks.append(deck) }
        }
        // A deck with no progress may be one whose title changed (and with
        // it every fact's id): its cards follow it first (`DeckRename`), and
        // the rest goes on as for any deck.
        let renames = bareDecks.isEmpty ? []
            : try followRenames(of: bareDecks, titles: Set(titles), store: store, now: now, apply: apply)
        var cards = cards
        for link in renames.flatMap(\.links) {
            guard var card = cards.removeValue(forKey: link.old) else { continue }
            card.factID = link.new
            cards[link.new] = card
            cardsPresent += 1
        }
        let seenCount = try store.seenFactCount(inDecks: titles)
        // (Counted as the cards were read, when they were: the same read.)
        let cardsOfDecks = try cardsPerDeck.map { counts in Set(titles).reduce(0) { $0 + (counts[$1] ?? 0) } }
            ?? store.cardCount(inDecks: titles)
        let hasOrphans = cardsOfDecks != cardsPresent
        // After a rename the facts seen are written again (their ids changed).
        guard hasOrphans || seenCount != factCount || (apply && !renames.isEmpty) else {
            return NotesChanges(renames: renames)
        }
        // Made only when there are cards to look up in it: not on the first
        // opening of a post (no cards yet), where it was 100,000 ids for nothing.
        lazy var inDecks: Set<FactID> = {
            var ids = Set<FactID>(minimumCapacity: factCount)
            for deck in decks { deck.root.forEachNode { node in for fact in node.facts { ids.insert(fact.id) } } }
            return ids
        }()
        let orphans = hasOrphans ? try store.cardIDs(inDecks: titles).filter { !inDecks.contains($0) }.sorted() : []
        // Cards answered before the store kept texts get theirs the first
        // time their deck is opened (it has no facts seen yet).
        let unwritten = seenCount == 0 ? try store.factsWithoutText(inDecks: titles).filter { inDecks.contains($0) } : []

        // Every fact's text and topic path, made only when something is to
        // be written or matched: on the first opening of a 100,000-fact post
        // (facts seen written, no card) they were 35 MB of strings for nothing.
        lazy var current = knownFacts(in: decks)
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
            return NotesChanges(renames: renames)
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
        return NotesChanges(report: report, links: links, facts: facts, renames: renames)
    }

    /// The decks among `bare` (none of whose facts has a card) whose title
    /// changed: each one with no card under its title, for which the cards
    /// under a title no loaded deck has (not in `titles`) are mostly its
    /// facts (`DeckRename.minimumShare`), by id or by the text and topic the
    /// store kept (`matches`). With `apply`, their cards move to the new
    /// title (and ids) in the store. Each old title goes to one deck at
    /// most, and each deck takes one: the pair with most cards found first.
    static func followRenames(of bare: [Deck], titles: Set<String>, store: any ProgressStore, now: Timestamp,
                              apply: Bool) throws -> [DeckRename] {
        let empty = try bare.filter { try store.cardCount(inDecks: [$0.title]) == 0 }
        guard !empty.isEmpty else { return [] }
        let orphanTitles = try store.deckCardCounts().filter { !titles.contains($0.key) && $0.value > 0 }
        guard !orphanTitles.isEmpty else { return [] }
        var found: [(rename: DeckRename, moves: [FactLink.Move])] = []
        for (oldTitle, count) in orphanTitles.sorted(by: { $0.key < $1.key }) {
            let ids = try store.cardIDs(inDecks: [oldTitle])
            let kept = try store.knownFacts(ids)
            for deck in empty {
                let current = knownFacts(in: [deck])
                let moves = matches(of: ids, kept: kept, in: current)
                let matched = ids.filter { current[$0] != nil }.count + moves.count
                guard matched > 0, Double(matched) >= DeckRename.minimumShare * Double(count) else { continue }
                found.append((DeckRename(id: nil, oldTitle: oldTitle, newTitle: deck.title, cards: count,
                                         matched: matched, renamedAt: nil),
                              moves))
            }
        }
        found.sort { lhs, rhs in
            if lhs.rename.matched != rhs.rename.matched { return lhs.rename.matched > rhs.rename.matched }
            return (lhs.rename.oldTitle, lhs.rename.newTitle) < (rhs.rename.oldTitle, rhs.rename.newTitle)
        }
        var usedOld = Set<String>(), usedNew = Set<String>()
        var renames: [DeckRename] = []
        for (rename, moves) in found where !usedOld.contains(rename.oldTitle) && !usedNew.contains(rename.newTitle) {
            usedOld.insert(rename.oldTitle)
            usedNew.insert(rename.newTitle)
            guard apply else {
                renames.append(rename)
                continue
            }
            if var made = try store.renameDeck(from: rename.oldTitle, to: rename.newTitle, moves: moves, now: now) {
                made.matched = rename.matched
                renames.append(made)
            }
        }
        return renames
    }

    /// The cards of `ids` whose fact is in `current` under another id, as
    /// moves to make: the same text at the same place below the deck (the
    /// deck's title, and a first heading that repeats it, set aside: they
    /// changed), else the same text found once on each side (a first
    /// heading renamed along). One move per old and per new fact.
    static func matches(of ids: [FactID], kept: [KnownFact], in current: [FactID: KnownFact]) -> [FactLink.Move] {
        func place(_ fact: KnownFact) -> [String] {
            var below = Array(fact.topicPath.dropFirst())
            if let deck = fact.topicPath.first, below.first == deck { below[0] = "\u{1F}the deck" }
            return below + [fact.text]
        }
        let present = Set(ids.filter { current[$0] != nil })
        var byPlace: [[String]: [FactID]] = [:], byText: [String: [FactID]] = [:]
        for fact in current.values.sorted(by: { $0.id < $1.id }) {
            byPlace[place(fact), default: []].append(fact.id)
            byText[fact.text, default: []].append(fact.id)
        }
        var keptTexts: [String: Int] = [:]
        for fact in kept { keptTexts[fact.text, default: 0] += 1 }
        var taken = present
        var moves: [FactLink.Move] = []
        for fact in kept.sorted(by: { $0.id < $1.id }) where !present.contains(fact.id) {
            var new = byPlace[place(fact)]?.first { !taken.contains($0) }
            if new == nil, keptTexts[fact.text] == 1, let same = byText[fact.text], same.count == 1,
               !taken.contains(same[0]) {
                new = same[0]
            }
            guard let new else { continue }
            taken.insert(new)
            moves.append(FactLink.Move(old: fact.id, new: new, reason: DeckRename.reason, fact: current[new]))
        }
        return moves
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

    /// Every move made, old id to new: the facts whose ids changed with
    /// their deck's title, then the re-links (for what follows facts: undo
    /// entries, a session).
    public var moves: [FactID: FactID] {
        var moved: [FactID: FactID] = [:]
        for link in renames.flatMap(\.links) + links { moved[link.old] = link.new }
        return moved
    }

    /// The cards with the moves made applied (a deck renamed, then the
    /// re-links): each moved card under its new id.
    public func applied(to cards: [FactID: CardProgress]) -> [FactID: CardProgress] {
        var cards = cards
        for link in renames.flatMap(\.links) + links {
            guard var card = cards.removeValue(forKey: link.old) else { continue }
            card.factID = link.new
            cards[link.new] = card
        }
        return cards
    }

    /// How many facts changed: re-linked, to confirm, gone.
    public var changedCount: Int { report.relinked.count + report.toConfirm.count + report.removed.count }

    /// One line for the status bar, nil when nothing changed:
    /// "3 facts changed since last time: 2 re-linked, 1 to confirm", after
    /// any deck renamed ("deck renamed: Old → New (42 cards moved) · …").
    public var summary: String? {
        let parts = renames.map(\.summary) + [factsSummary].compactMap { $0 }
        return parts.isEmpty ? nil : parts.joined(separator: " · ")
    }

    /// The facts' part of `summary`.
    private var factsSummary: String? {
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
