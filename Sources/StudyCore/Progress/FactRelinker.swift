import DeckKit

/// Finds where the progress of facts whose id changed went, when a post is
/// edited: a fact's id hashes its deck, topic path and text (`FactID`), so a
/// typo fixed, a fact moved or a topic renamed orphans its progress.
///
/// It matches the progress whose fact is gone ("old", with the text and path
/// the store last knew) against the facts that have no progress ("new"), and
/// re-links automatically only where no doubt is left, because a wrong
/// re-link silently gives one fact another's memory, while a missed one only
/// asks the learner:
/// - the same text (`ComparableText.key`) under another topic, one old and one
///   new with it, at least `minimumWordsToMove` words, and no close edit of it
///   left where it was: `.moved`, or `.topicRenamed` when `renameEvidence`
///   facts or more show the same title renamed (a section and a topic below
///   it renamed at once are both followed);
/// - in the same topic (or the one it was renamed to), a text at least
///   `confident` alike, clearly ahead (`margin`) of every other pairing of
///   either fact: `.edited`;
/// - in the same topic, one old fact whose words two new facts share between
///   them (`partContainment`, `partCoverage`): `.split`, to the part most
///   like it; two old facts whose words one new fact holds: `.merged`, from
///   the old fact most like the new text (the relinker knows no review
///   counts; the other is listed as removed, so the learner can choose);
/// - a doubt (two candidates, a match just below `confident`, same text
///   that is too short to be telling, same text elsewhere and a close edit
///   at home): `.toConfirm`, with the candidates;
/// - the rest: `.removed` (never dropped) and `.added`.
///
/// Cost: every new fact's text is folded once into an index by text and one
/// by topic; texts are compared only within a topic (and its renamed
/// twin), so a 100,000-fact deck with 1,000 changed facts takes tens to a few
/// hundred milliseconds (benchmarks/RESULTS.md), not 10⁸ comparisons.
/// Deterministic: facts are taken in id order and ties go by fact id.
///
///     let report = FactRelinker().relink(old: orphanedProgress, new: factsWithoutProgress)
///     for change in report.changes { … }
public struct FactRelinker: Sendable {
    public var policy: RelinkPolicy

    public init(policy: RelinkPolicy = .standard) {
        self.policy = policy
    }

    /// Matches `old` (progress whose fact id is no longer in the post, as
    /// last known) against `new` (facts of the post without progress). A fact
    /// whose id is in both lists is unchanged and left out of the report.
    ///
    /// Where the caller knows which facts the post had when progress was last
    /// matched, it should leave those out of `new`: a fact never studied that
    /// was there all along cannot be where an old fact went, yet when an old
    /// fact is deleted its unstudied twin elsewhere ("~1500 changes, numerous
    /// bugfixes" under two versions) looks exactly like it moved. Without that
    /// knowledge such a twin is re-linked; `RelinkBenchmark` measures both ways.
    public func relink(old: [KnownFact], new: [KnownFact]) -> RelinkReport {
        var matching = Matching(old: old, new: new, policy: policy)
        matching.matchSameText()
        matching.matchEditedTexts()
        matching.matchSplitsAndMerges()
        return matching.report()
    }
}

extension FactRelinker {
    /// A topic's own title and how deep it is.
    private struct NameAtDepth: Hashable {
        var title: String
        var depth: Int
    }

    /// The working state of one `relink` call; facts are referred to by their
    /// index in `olds` and `news`, both sorted by id.
    private struct Matching {
        let policy: RelinkPolicy
        let olds: [KnownFact]
        let news: [KnownFact]
        let oldTexts: [ComparableText]
        /// Made only for the new facts a comparison reaches.
        var newTexts: [Int: ComparableText] = [:]
        let newByKey: [String: [Int]]
        let newByTopic: [[String]: [Int]]
        /// The topics of the new facts by their own title and depth, and by parent.
        let newTopicsByName: [NameAtDepth: [[String]]]
        let newTopicsByParent: [[String]: [[String]]]
        var oldTaken: [Bool]
        var newTaken: [Bool]
        var links: [Int: (new: Int, reason: RelinkReason)] = [:]
        /// Old facts merged into a new one whose progress went to the other.
        var mergedAway: Set<Int> = []
        var doubts: [Int: [RelinkCandidate]] = [:]
        /// A title renamed, as the path down to it before → after → how many
        /// facts of the same text show it: `["Deck", "EC2"]` → `["Deck", "Amazon EC2"]`
        /// renames every topic below "EC2" too.
        var titleRenames: [[String]: [[String]: Int]] = [:]
        /// The new topics where each old topic's facts may be now (see `topics(for:)`).
        var topicsByOldPath: [[String]: [[String]]] = [:]
        /// Old facts with the same text elsewhere and a close edit in their own
        /// topic: either could be right, so neither is taken.
        var contested: Set<Int> = []
        /// Similar pairs within a topic, at `candidate` or above, both ways.
        var scoresByOld: [Int: [(new: Int, score: Double)]] = [:]
        var scoresByNew: [Int: [(old: Int, score: Double)]] = [:]

        init(old: [KnownFact], new: [KnownFact], policy: RelinkPolicy) {
            self.policy = policy
            let oldIDs = Set(old.map(\.id)), newIDs = Set(new.map(\.id))
            olds = old.filter { !newIDs.contains($0.id) }.sorted { $0.id < $1.id }
            news = new.filter { !oldIDs.contains($0.id) }.sorted { $0.id < $1.id }
            oldTexts = olds.map { ComparableText($0.text) }
            var byKey: [String: [Int]] = [:], byTopic: [[String]: [Int]] = [:]
            for (index, fact) in news.enumerated() {
                byKey[ComparableText.key(of: fact.text), default: []].append(index)
                byTopic[fact.topicPath, default: []].append(index)
            }
            newByKey = byKey
            newByTopic = byTopic
            var byName: [NameAtDepth: [[String]]] = [:], byParent: [[String]: [[String]]] = [:]
            for path in byTopic.keys.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
                guard let last = path.last else { continue }
                byName[NameAtDepth(title: last, depth: path.count), default: []].append(path)
                byParent[Array(path.dropLast()), default: []].append(path)
            }
            newTopicsByName = byName
            newTopicsByParent = byParent
            oldTaken = Array(repeating: false, count: olds.count)
            newTaken = Array(repeating: false, count: news.count)
        }

        mutating func newText(_ index: Int) -> ComparableText {
            if let text = newTexts[index] { return text }
            let text = ComparableText(news[index].text)
            newTexts[index] = text
            return text
        }

        mutating func link(_ old: Int, _ new: Int, _ reason: RelinkReason) {
            links[old] = (new, reason)
            oldTaken[old] = true
            newTaken[new] = true
        }

        // MARK: The same text

        /// Same text, same topic: only its form changed (case, punctuation,
        /// marks). Same text, one other topic: moved. Several old or new facts
        /// with one text: paired by a topic the others show was renamed, or
        /// left to confirm.
        mutating func matchSameText() {
            var oldByKey: [String: [Int]] = [:]
            for index in olds.indices where !oldTexts[index].key.isEmpty {
                oldByKey[oldTexts[index].key, default: []].append(index)
            }
            var moves: [(old: Int, new: Int)] = []
            var crowded: [(olds: [Int], news: [Int])] = []
            for key in oldByKey.keys.sorted() {
                guard var remainingNews = newByKey[key] else { continue }
                var remainingOlds: [Int] = []
                for old in oldByKey[key]! {
                    if let position = remainingNews.firstIndex(where: { news[$0].topicPath == olds[old].topicPath }) {
                        link(old, remainingNews.remove(at: position), .edited)
                    } else {
                        remainingOlds.append(old)
                    }
                }
                guard !remainingOlds.isEmpty, !remainingNews.isEmpty else { continue }
                if remainingOlds.count == 1, remainingNews.count == 1,
                   oldTexts[remainingOlds[0]].readWordCount >= policy.minimumWordsToMove {
                    moves.append((remainingOlds[0], remainingNews[0]))
                } else {
                    crowded.append((remainingOlds, remainingNews))
                }
            }
            inferRenames(from: moves.map { (olds[$0.old].topicPath, news[$0.new].topicPath) })
            for old in olds.indices where topicsByOldPath[olds[old].topicPath] == nil {
                topicsByOldPath[olds[old].topicPath] = renamedTopics(olds[old].topicPath)
            }
            for move in moves {
                let rivals = closeEdits(of: move.old, besides: move.new)
                if rivals.isEmpty {
                    link(move.old, move.new, reasonForMove(from: olds[move.old].topicPath, to: news[move.new].topicPath))
                } else {
                    contested.insert(move.old)
                    doubts[move.old, default: []] += [RelinkCandidate(new: news[move.new].id, similarity: 1)] + rivals
                }
            }
            for group in crowded {
                pairByRenamedTopics(group.olds, group.news)
            }
        }

        /// New facts that are a confident edit of an old fact, where it may
        /// be now besides where its same text was found: its topic, the one
        /// it was renamed to, and, when its topic has no new fact left and no
        /// rename was found for it (renamed, with too little evidence), any
        /// topic of the same name and depth or with the same parent. Any of
        /// them is a rival for that same text, which may be an unstudied twin
        /// that was there all along ("A build script to bundle JS…" under two
        /// questions of one post, one item under both "Compiler" and
        /// "Compatibility Notes" of a release).
        mutating func closeEdits(of old: Int, besides found: Int) -> [RelinkCandidate] {
            let path = olds[old].topicPath
            var places = topics(for: path)
            if places.count == 1, newByTopic[path] == nil, let last = path.last {
                places += newTopicsByName[NameAtDepth(title: last, depth: path.count)] ?? []
                places += newTopicsByParent[Array(path.dropLast())] ?? []
            }
            var rivals: [RelinkCandidate] = []
            var seen = Set<[String]>()
            for topic in places where seen.insert(topic).inserted {
                for new in newByTopic[topic] ?? [] where new != found && !newTaken[new] {
                    let score = similarity(old, new)
                    if score >= policy.confident { rivals.append(RelinkCandidate(new: news[new].id, similarity: score)) }
                }
            }
            return rivals
        }

        /// Where two paths of one length differ in exactly one title.
        func renamedPosition(_ oldPath: [String], _ newPath: [String]) -> Int? {
            guard oldPath.count == newPath.count else { return nil }
            let differing = oldPath.indices.filter { oldPath[$0] != newPath[$0] }
            return differing.count == 1 ? differing[0] : nil
        }

        /// Learns renamed titles from facts whose same text moved to a path
        /// that differs from theirs in one title. A section and a topic below
        /// it renamed at once differ in two: once the section's rename is
        /// known, the old path with it applied differs in the topic's only,
        /// so this goes round until nothing new is learnt.
        mutating func inferRenames(from moves: [(old: [String], new: [String])]) {
            var used = Set<Int>()
            for _ in 0..<8 {
                var learnt: [[String]: [[String]: Int]] = [:]
                for (index, move) in moves.enumerated() where !used.contains(index) {
                    let mapped = applyingRenames(move.old)
                    guard let position = renamedPosition(mapped, move.new) else { continue }
                    learnt[Array(mapped[...position]), default: [:]][Array(move.new[...position]), default: 0] += 1
                    used.insert(index)
                }
                guard !learnt.isEmpty else { return }
                for (prefix, destinations) in learnt {
                    for (destination, count) in destinations { titleRenames[prefix, default: [:]][destination, default: 0] += count }
                }
            }
        }

        /// A path with every renamed title replaced, from the top down (each
        /// rename is keyed by the path above it as already renamed).
        func applyingRenames(_ path: [String]) -> [String] {
            var current = path
            for position in path.indices {
                if let renamed = renamedTitle(Array(current[...position])) {
                    current = renamed + current[(position + 1)...]
                }
            }
            return current
        }

        /// An old path, and the path with its renamed titles replaced.
        func renamedTopics(_ path: [String]) -> [[String]] {
            let renamed = applyingRenames(path)
            return renamed == path ? [path] : [path, renamed]
        }

        /// The path a title was renamed to: shown by `renameEvidence` facts
        /// or more whose same text moved to paths that differ from theirs in
        /// that title only, and by no other such group. One fact alone is a
        /// move; facts of one topic found under two ("What is formik?" and
        /// "What is the popular choice for form handling?" list the same
        /// items) are twins, not a rename.
        func renamedTitle(_ prefix: [String]) -> [String]? {
            guard let destinations = titleRenames[prefix] else { return nil }
            let supported = destinations.filter { $0.value >= policy.renameEvidence }
            return supported.count == 1 ? supported.first!.key : nil
        }

        /// `.topicRenamed` when the new path is the old one with its renamed
        /// titles, else `.moved`.
        func reasonForMove(from oldPath: [String], to newPath: [String]) -> RelinkReason {
            guard oldPath != newPath else { return .edited }
            return applyingRenames(oldPath) == newPath ? .topicRenamed : .moved
        }

        /// The new topics an old fact of `path` may be under now.
        func topics(for path: [String]) -> [[String]] {
            topicsByOldPath[path] ?? [path]
        }

        mutating func pairByRenamedTopics(_ groupOlds: [Int], _ groupNews: [Int]) {
            var unpaired: [Int] = []
            for old in groupOlds {
                let targets = Set(topics(for: olds[old].topicPath).dropFirst())
                let matches = groupNews.filter { !newTaken[$0] && targets.contains(news[$0].topicPath) }
                let rivals = groupOlds.filter { other in
                    other != old && matches.contains { Set(topics(for: olds[other].topicPath)).contains(news[$0].topicPath) }
                }
                if matches.count == 1, rivals.isEmpty,
                   oldTexts[old].readWordCount >= policy.minimumWordsToMove {
                    link(old, matches[0], reasonForMove(from: olds[old].topicPath, to: news[matches[0]].topicPath))
                } else {
                    unpaired.append(old)
                }
            }
            for old in unpaired {
                let candidates = groupNews.filter { !newTaken[$0] }.map { RelinkCandidate(new: news[$0].id, similarity: 1) }
                if !candidates.isEmpty { doubts[old, default: []] += candidates }
            }
        }

        // MARK: Edited texts

        /// Scores every old fact left against the new facts left in its
        /// topic (and the topics it moved to), then takes the pairs that are
        /// confident and clearly ahead of every rival, again and again as
        /// taken facts stop being rivals.
        mutating func matchEditedTexts() {
            for old in olds.indices where !oldTaken[old] {
                for topic in topics(for: olds[old].topicPath) {
                    for new in newByTopic[topic] ?? [] where !newTaken[new] {
                        let score = oldTexts[old].similarity(to: newText(new), by: policy.measure)
                        guard score >= policy.candidate else { continue }
                        scoresByOld[old, default: []].append((new, score))
                        scoresByNew[new, default: []].append((old, score))
                    }
                }
            }
            var progressed = true
            while progressed {
                progressed = false
                for old in scoresByOld.keys.sorted() where !oldTaken[old] && !contested.contains(old) {
                    let live = scoresByOld[old]!.filter { !newTaken[$0.new] }
                        .sorted { $0.score != $1.score ? $0.score > $1.score : $0.new < $1.new }
                    guard let best = live.first, best.score >= policy.confident else { continue }
                    let nextForOld = live.dropFirst().first?.score ?? 0
                    let nextForNew = scoresByNew[best.new]!.filter { $0.old != old && !oldTaken[$0.old] }
                        .map(\.score).max() ?? 0
                    guard best.score - max(nextForOld, nextForNew) >= policy.margin else { continue }
                    let oldPath = olds[old].topicPath, newPath = news[best.new].topicPath
                    link(old, best.new, oldPath == newPath ? .edited : reasonForMove(from: oldPath, to: newPath))
                    progressed = true
                }
            }
        }

        // MARK: Splits and merges

        /// One old fact left whose words two new facts of its topic share
        /// (each mostly made of the old fact's words, neither enough alone),
        /// or one new fact holding two old ones. Only a single such pairing
        /// is taken; several are left to confirm.
        mutating func matchSplitsAndMerges() {
            for old in olds.indices where !oldTaken[old] && !contested.contains(old) && !hasConfidentCandidate(old) {
                let whole = oldTexts[old]
                var parts: [Int] = []
                for topic in topics(for: olds[old].topicPath) {
                    for new in newByTopic[topic] ?? [] where !newTaken[new] {
                        let part = newText(new)
                        if part.wordCount < whole.wordCount, part.containment(in: whole) >= policy.partContainment {
                            parts.append(new)
                        }
                    }
                }
                let pairs = completePairs(parts.prefix(16).map { ($0, newText($0)) }, of: whole)
                if pairs.count == 1 {
                    let (first, second) = pairs[0]
                    let (kept, other) = similarity(old, first) >= similarity(old, second) ? (first, second) : (second, first)
                    link(old, kept, .split(otherPart: news[other].id))
                    newTaken[other] = true
                } else if pairs.count > 1 {
                    let involved = Set(pairs.flatMap { [$0.0, $0.1] }).sorted()
                    doubts[old, default: []] += involved.map { RelinkCandidate(new: news[$0].id, similarity: similarity(old, $0)) }
                }
            }
            // Merges: the new facts of the topics where old facts are left.
            var oldsByNewTopic: [[String]: [Int]] = [:]
            for old in olds.indices where !oldTaken[old] && !contested.contains(old) {
                for topic in topics(for: olds[old].topicPath) { oldsByNewTopic[topic, default: []].append(old) }
            }
            for topic in oldsByNewTopic.keys.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
                for new in newByTopic[topic] ?? [] where !newTaken[new] {
                    let whole = newText(new)
                    let sources = oldsByNewTopic[topic]!.filter {
                        !oldTaken[$0] && !hasConfidentCandidate($0) && oldTexts[$0].wordCount < whole.wordCount
                            && oldTexts[$0].containment(in: whole) >= policy.partContainment
                    }
                    let pairs = completePairs(sources.prefix(16).map { ($0, oldTexts[$0]) }, of: whole)
                    guard pairs.count == 1 else { continue }
                    let (first, second) = pairs[0]
                    let (kept, other) = similarity(first, new) >= similarity(second, new) ? (first, second) : (second, first)
                    link(kept, new, .merged(otherOld: olds[other].id))
                    oldTaken[other] = true
                    mergedAway.insert(other)
                }
            }
        }

        /// An old fact still in doubt between close edits is not taken for
        /// a part of a split or merge: it is left to confirm.
        func hasConfidentCandidate(_ old: Int) -> Bool {
            (scoresByOld[old] ?? []).contains { !newTaken[$0.new] && $0.score >= policy.confident }
        }

        /// Pairs of pieces that together hold `partCoverage` of the whole's
        /// words while neither does alone, sharing at most half of the
        /// smaller one's words (a subject said again in both halves is
        /// fine): the two halves of one sentence, not two variants of it
        /// ("next_power_of_two for all …", "checked_next_power_of_two for all …").
        func completePairs(_ pieces: [(Int, ComparableText)], of whole: ComparableText) -> [(Int, Int)] {
            var pairs: [(Int, Int)] = []
            let alone = pieces.map { whole.coverage(by: $0.1, $0.1) }
            for first in pieces.indices where alone[first] < policy.partCoverage {
                for second in pieces.indices where second > first && alone[second] < policy.partCoverage {
                    let smaller = min(pieces[first].1.wordCount, pieces[second].1.wordCount)
                    guard Double(pieces[first].1.sharedWords(with: pieces[second].1)) <= Double(smaller) / 2 else { continue }
                    if whole.coverage(by: pieces[first].1, pieces[second].1) >= policy.partCoverage {
                        pairs.append((pieces[first].0, pieces[second].0))
                    }
                }
            }
            return pairs
        }

        mutating func similarity(_ old: Int, _ new: Int) -> Double {
            oldTexts[old].similarity(to: newText(new), by: policy.measure)
        }

        // MARK: The report

        /// Whatever was not re-linked: a doubt with candidates still free, or
        /// removed; every new fact not re-linked is added.
        mutating func report() -> RelinkReport {
            var relinked: [FactChange] = [], confirm: [FactChange] = [], removed: [FactChange] = []
            let relinkedNews = Set(links.values.map(\.new))
            let relinkedIDs = Set(relinkedNews.map { news[$0].id })
            for old in olds.indices {
                if let link = links[old] {
                    relinked.append(.relinked(old: olds[old].id, new: news[link.new].id, reason: link.reason))
                    continue
                }
                var candidates: [FactID: Double] = [:]
                if !mergedAway.contains(old) {
                    for (new, score) in scoresByOld[old] ?? [] where !newTaken[new] { candidates[news[new].id] = score }
                    for candidate in doubts[old] ?? [] { candidates[candidate.new] = max(candidates[candidate.new] ?? 0, candidate.similarity) }
                    candidates = candidates.filter { !relinkedIDs.contains($0.key) }
                }
                if candidates.isEmpty {
                    removed.append(.removed(old: olds[old].id))
                } else {
                    let ranked = candidates.map { RelinkCandidate(new: $0.key, similarity: $0.value) }
                        .sorted { $0.similarity != $1.similarity ? $0.similarity > $1.similarity : $0.new < $1.new }
                    confirm.append(.toConfirm(old: olds[old].id, candidates: ranked))
                }
            }
            let added = news.indices.filter { !relinkedNews.contains($0) }.map { FactChange.added(new: news[$0].id) }
            return RelinkReport(changes: relinked + confirm + removed + added)
        }
    }
}
