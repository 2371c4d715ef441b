// Re-linking benchmark (issue 16): edits real notes with the truth known,
// runs `FactRelinker` and prints the precision and recall of its automatic
// re-links, overall and per kind of edit, and what it left to confirm; then
// sweeps the thresholds, and times a 100,000-fact deck with 1,000 changed
// facts. Prints figures; asserts nothing.
//
//     swift run -c release RelinkBenchmark [SEED [RUNS]]     (default seed 16, 5 runs: seeds SEED…SEED+RUNS-1)
//
// The notes are the bundled post and Tests/Corpus/*.md. In each run 60% of
// the facts have progress (the rest were never studied, and are "new" to the
// relinker like every edited fact: a deleted fact's nearest unstudied
// neighbour is the trap a wrong re-link falls into).
import DeckKit
import Foundation
import StudyCore

/// SplitMix64: the benchmark's only source of chance, seeded from the command line.
struct Random {
    var state: UInt64
    init(seed: UInt64) { state = seed &* 0x9E3779B97F4A7C15 ^ 0xD1B54A32D192ED03 }
    mutating func next() -> UInt64 {
        state = state &+ 0x9E3779B97F4A7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        return z ^ (z >> 31)
    }
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(max(bound, 1))) }
    mutating func chance(_ probability: Double) -> Bool { Double(next() >> 11) * 0x1.0p-53 < probability }
    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
    mutating func shuffle<T>(_ items: inout [T]) {
        guard items.count > 1 else { return }
        for index in stride(from: items.count - 1, to: 0, by: -1) { items.swapAt(index, below(index + 1)) }
    }
}

func now() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

func say(_ line: String) {
    print(line)
    fflush(nil)
}

func percent(_ part: Int, _ whole: Int) -> String {
    whole == 0 ? "-" : String(format: "%.1f%%", 100 * Double(part) / Double(whole))
}

/// One fact of a post: its deck, the titles below the deck, its text.
struct PostFact {
    var deck: String
    var path: [String]
    var text: String
    var id: FactID
    var known: KnownFact { KnownFact(id: id, text: text, topicPath: [deck] + path) }
}

func facts(of deck: Deck) -> [PostFact] {
    var out: [PostFact] = []
    func walk(_ node: TopicNode, _ path: [String]) {
        for fact in node.facts { out.append(PostFact(deck: deck.title, path: path, text: fact.text.plainText, id: fact.id)) }
        for child in node.children { walk(child, path + [child.title.plainText]) }
    }
    walk(deck.root, [])
    return out
}

/// The kinds of edit the corpus is made of; what a correct outcome is for each.
enum EditKind: String, CaseIterable {
    case typo = "typo fix", reword = "rewording", renameTypo = "typo under renamed topic"
    case move = "move between topics", rename = "topic rename", split, merge, deletion
    case reorder = "reordering", unrelated = "unrelated new fact", unstudiedEdit = "no edit of its own (unstudied, renumbered)"
}

/// What the edits made: the post after, and for each studied fact whose id
/// changed, the new ids it may rightly go to (empty: it should not go anywhere).
struct EditedCorpus {
    var after: [PostFact]
    var truth: [FactID: (kind: EditKind, targets: Set<FactID>)] = [:]
    var applied: [EditKind: Int] = [:]
}

let synonyms: [(String, String)] = [
    ("uses", "utilizes"), ("use", "utilize"), ("allows", "enables"), ("fast", "quick"), ("large", "big"),
    ("helps", "assists"), ("data", "information"), ("reduce", "lower"), ("reduces", "lowers"), ("provides", "offers"),
    ("create", "build"), ("creates", "builds"), ("store", "keep"), ("stores", "keeps"), ("run", "execute"),
    ("runs", "executes"), ("shows", "displays"), ("method", "technique"), ("important", "essential"),
    ("small", "little"), ("different", "distinct"), ("used", "employed"), ("need", "require"), ("needs", "requires"),
    ("can", "may"), ("every", "each"), ("start", "begin"), ("get", "obtain"), ("change", "modify"), ("also", "too"),
    ("makes", "renders"), ("automatically", "automatically and transparently"), ("cost", "price"), ("costs", "prices"),
]
let fillers = ["also", "usually", "often", "generally", "really", "typically", "always", "mostly"]

func isCJK(_ character: Character) -> Bool {
    guard let value = character.unicodeScalars.first?.value else { return false }
    return (0x3040...0x30FF).contains(value) || (0x4E00...0x9FFF).contains(value)
}

/// A typo of the kind a fix undoes: two letters swapped, one dropped, doubled
/// or replaced, in one word of four letters or more (in CJK text, one
/// character dropped or replaced).
func typo(_ text: String, _ random: inout Random) -> String {
    var words = text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
    let long = words.indices.filter { words[$0].filter(\.isLetter).count >= 4 && !words[$0].contains(where: isCJK) }
    if long.isEmpty {
        var characters = Array(text)
        let cjk = characters.indices.filter { isCJK(characters[$0]) }
        guard let place = cjk.isEmpty ? nil : random.pick(cjk) else { return text + "s" }
        if random.chance(0.5) { characters.remove(at: place) } else { characters[place] = random.pick(cjk.map { characters[$0] }) == characters[place] ? "的" : random.pick(cjk.map { characters[$0] }) }
        return String(characters)
    }
    let index = random.pick(long)
    var letters = Array(words[index])
    let inner = letters.indices.filter { $0 > 0 && $0 < letters.count - 1 && letters[$0].isLetter }
    let at = inner.isEmpty ? 1 : random.pick(inner)
    switch random.below(4) {
    case 0: letters.swapAt(at, at + 1 < letters.count ? at + 1 : at - 1)
    case 1: letters.remove(at: at)
    case 2: letters.insert(letters[at], at: at)
    default: letters[at] = letters[at] == "e" ? "a" : "e"
    }
    words[index] = String(letters)
    let result = words.joined(separator: " ")
    return result == text ? text + "s" : result
}

/// One to three word-level changes: a synonym swapped, a filler word put in,
/// a word taken out.
func reword(_ text: String, _ random: inout Random) -> String {
    var words = text.split(separator: " ").map(String.init)
    if words.count < 3 || words.contains(where: { $0.contains(where: isCJK) }) {
        var characters = Array(text)
        let operations = 1 + random.below(2)
        for _ in 0..<operations {
            if random.chance(0.5) || characters.count < 4 { characters.insert("也", at: random.below(characters.count + 1)) }
            else { characters.remove(at: random.below(characters.count)) }
        }
        return String(characters)
    }
    let roll = random.below(100)
    let operations = roll < 50 ? 1 : roll < 85 ? 2 : 3
    for _ in 0..<operations {
        let swappable = words.indices.filter { index in synonyms.contains { $0.0 == words[index].lowercased() || $0.1 == words[index].lowercased() } }
        switch random.below(3) {
        case 0 where !swappable.isEmpty:
            let index = random.pick(swappable)
            let word = words[index].lowercased()
            let pair = synonyms.first { $0.0 == word || $0.1 == word }!
            words[index] = pair.0 == word ? pair.1 : pair.0
        case 1 where words.count > 4:
            words.remove(at: 1 + random.below(words.count - 1))
        default:
            words.insert(random.pick(fillers), at: 1 + random.below(words.count))
        }
    }
    return words.joined(separator: " ")
}

/// Cut at a comma, semicolon or "and" near the middle, else at the middle word.
func split(_ text: String) -> (String, String)? {
    let words = text.split(separator: " ").map(String.init)
    if words.count >= 8, !text.contains(where: isCJK) {
        let middle = words.count / 2
        let cuts = words.indices.filter { $0 >= 3 && $0 <= words.count - 4 && (words[$0].hasSuffix(",") || words[$0].hasSuffix(";") || words[$0 + 1] == "and") }
        let cut = (cuts.min { abs($0 - middle) < abs($1 - middle) } ?? middle - 1) + 1
        var second = words[cut...]
        if second.first == "and" { second = second.dropFirst() }
        return (words[..<cut].joined(separator: " "), second.joined(separator: " "))
    }
    let characters = Array(text)
    guard characters.count >= 16, text.contains(where: isCJK) else { return nil }
    let middle = characters.count / 2
    let cut = (characters.indices.filter { characters[$0] == "，" || characters[$0] == "、" }.min { abs($0 - middle) < abs($1 - middle) } ?? middle) + 1
    guard cut > 4, cut < characters.count - 4 else { return nil }
    return (String(characters[..<cut]), String(characters[cut...]))
}

func renamed(_ title: String, _ random: inout Random) -> String {
    switch random.below(4) {
    case 0: return title + " Overview"
    case 1: return "About " + title
    case 2: return title.lowercased() == title ? title.uppercased() + " (notes)" : title.lowercased()
    default:
        var words = title.split(separator: " ").map(String.init)
        if words.count > 1 { words.removeLast(); return words.joined(separator: " ") + " basics" }
        return title + " 2"
    }
}

/// Makes the post after the edits. Each studied fact takes part in at most
/// one edit; the ids of changed facts are made as the loader makes them.
func edit(_ before: [PostFact], studied: Set<FactID>, unrelatedPool: [PostFact], _ random: inout Random) -> EditedCorpus {
    var facts = before
    var truth: [FactID: (EditKind, Set<FactID>)] = [:]
    var applied: [EditKind: Int] = [:]
    var touched = Set<Int>()
    var pendingTargets: [(old: FactID, kind: EditKind, index: Int)] = []
    var splitSeconds: [Int: PostFact] = [:]
    var deleted = Set<Int>()

    let topics = Dictionary(grouping: facts.indices) { [facts[$0].deck] + facts[$0].path }
    let topicKeys = topics.keys.sorted { $0.lexicographicallyPrecedes($1) }

    // Topic renames: a tenth of the topics, at some level of their path.
    var renamedPrefixes: [([String], Int, String)] = []
    for key in topicKeys where key.count > 1 && random.chance(0.08) {
        let level = 1 + random.below(key.count - 1)
        renamedPrefixes.append((Array(key[...level]), level, renamed(key[level], &random)))
    }
    var inRenamed = Set<Int>()
    for (prefix, level, title) in renamedPrefixes {
        for index in facts.indices where ([facts[index].deck] + facts[index].path).starts(with: prefix) {
            inRenamed.insert(index)
            facts[index].path[level - 1] = title
        }
    }
    for index in inRenamed.sorted() where studied.contains(before[index].id) {
        touched.insert(index)
        if random.chance(0.25) {
            facts[index].text = typo(facts[index].text, &random)
            pendingTargets.append((before[index].id, .renameTypo, index))
        } else {
            pendingTargets.append((before[index].id, .rename, index))
        }
    }
    // Reordering: shuffle the facts of some topics (ids do not change).
    var order = Array(facts.indices)
    for key in topicKeys where random.chance(0.1) {
        let members = topics[key]!
        var shuffled = members
        random.shuffle(&shuffled)
        for (slot, member) in zip(members, shuffled) { order[slot] = member }
        applied[.reorder, default: 0] += members.count
    }

    let studiedFree = { (index: Int) in studied.contains(before[index].id) && !touched.contains(index) }
    var candidates = facts.indices.filter(studiedFree)
    random.shuffle(&candidates)
    for index in candidates where !touched.contains(index) {
        let roll = random.below(100)
        let kind: EditKind? = roll < 8 ? .typo : roll < 16 ? .reword : roll < 20 ? .move : roll < 23 ? .split
            : roll < 26 ? .merge : roll < 30 ? .deletion : nil
        guard let kind else { continue }
        switch kind {
        case .typo, .reword:
            facts[index].text = kind == .typo ? typo(facts[index].text, &random) : reword(facts[index].text, &random)
            touched.insert(index)
            pendingTargets.append((before[index].id, kind, index))
        case .move:
            let key = random.pick(topicKeys)
            guard key != [facts[index].deck] + facts[index].path else { continue }
            facts[index].deck = key[0]
            facts[index].path = Array(key.dropFirst())
            touched.insert(index)
            pendingTargets.append((before[index].id, .move, index))
        case .split:
            guard let (first, second) = split(facts[index].text) else { continue }
            facts[index].text = first
            var other = facts[index]
            other.text = second
            splitSeconds[index] = other
            touched.insert(index)
            pendingTargets.append((before[index].id, .split, index))
        case .merge:
            let topic = topics[[facts[index].deck] + facts[index].path]!
            guard let position = topic.firstIndex(of: index), position + 1 < topic.count else { continue }
            let partner = topic[position + 1]
            guard studiedFree(partner) else { continue }
            facts[index].text = facts[index].text + "; " + facts[partner].text
            touched.formUnion([index, partner])
            deleted.insert(partner)
            pendingTargets.append((before[index].id, .merge, index))
            pendingTargets.append((before[partner].id, .merge, index))
        case .deletion:
            touched.insert(index)
            deleted.insert(index)
            truth[before[index].id] = (.deletion, [])
        default: break
        }
        applied[kind, default: 0] += 1
    }
    applied[.rename] = pendingTargets.filter { $0.kind == .rename }.count
    applied[.renameTypo] = pendingTargets.filter { $0.kind == .renameTypo }.count
    applied[.merge] = (applied[.merge] ?? 0)
    // Unstudied facts are edited too (noise the relinker must not take for
    // an old fact), and unrelated facts from other notes appear.
    for index in facts.indices where !studied.contains(before[index].id) && random.chance(0.05) {
        facts[index].text = random.chance(0.5) ? typo(facts[index].text, &random) : reword(facts[index].text, &random)
        applied[.unstudiedEdit, default: 0] += 1
    }

    // The post after, in its new order, with new ids for what changed.
    // A repeated fact's id holds its occurrence (`#2`): when an earlier twin
    // in its topic goes, it takes that twin's id, as the loader numbers it.
    func occurrenceKey(_ fact: PostFact) -> String {
        ([fact.deck] + fact.path + [fact.text.lowercased()]).joined(separator: "\u{1F}")
    }
    var idBefore: [String: FactID] = [:]
    var occurrences: [String: Int] = [:]
    for fact in before {
        let key = occurrenceKey(fact)
        occurrences[key, default: 0] += 1
        idBefore[key + "#\(occurrences[key]!)"] = fact.id
    }
    occurrences = [:]
    var after: [PostFact] = []
    var newIndexOf: [Int: Int] = [:]
    func place(_ fact: PostFact, unchanged: Bool) -> Int {
        var fact = fact
        let key = occurrenceKey(fact)
        occurrences[key, default: 0] += 1
        let occurrence = occurrences[key]!
        if !unchanged || idBefore[key + "#\(occurrence)"] != fact.id {
            fact.id = idBefore[key + "#\(occurrence)"]
                ?? FactID.make(deck: fact.deck, path: fact.path, text: fact.text, occurrence: occurrence)
        }
        after.append(fact)
        return after.count - 1
    }
    for index in order where !deleted.contains(index) {
        let unchanged = facts[index].text == before[index].text && facts[index].path == before[index].path
            && facts[index].deck == before[index].deck
        newIndexOf[index] = place(facts[index], unchanged: unchanged)
        if let second = splitSeconds[index] { _ = place(second, unchanged: false) }
    }
    var unrelatedCount = 0
    for _ in 0..<(before.count / 40) {
        var fact = random.pick(unrelatedPool)
        let key = random.pick(topicKeys)
        fact.deck = key[0]
        fact.path = Array(key.dropFirst())
        _ = place(fact, unchanged: false)
        unrelatedCount += 1
    }
    applied[.unrelated] = unrelatedCount
    for pending in pendingTargets {
        var targets: Set<FactID> = [after[newIndexOf[pending.index]!].id]
        if pending.kind == .split, let position = newIndexOf[pending.index] { targets.insert(after[position + 1].id) }
        truth[pending.old] = (pending.kind, targets)
    }
    return EditedCorpus(after: after, truth: truth.mapValues { (kind: $0.0, targets: $0.1) }, applied: applied)
}

/// Tallies of one run (or several added up).
struct Tally {
    var expected: [EditKind: Int] = [:]
    var correct: [EditKind: Int] = [:]
    var wrong: [EditKind: Int] = [:]
    var toConfirm: [EditKind: Int] = [:]
    var removed: [EditKind: Int] = [:]
    var rightReason: [EditKind: Int] = [:]
    var wrongExamples: [String] = []
    /// Re-links between two facts of the same text in one topic (see `score`).
    var twinSwaps = 0

    var totalCorrect: Int { correct.values.reduce(0, +) }
    var totalWrong: Int { wrong.values.reduce(0, +) }
    var totalExpected: Int { expected.values.reduce(0, +) }
    var totalToConfirm: Int { toConfirm.values.reduce(0, +) }

    mutating func add(_ other: Tally) {
        for kind in EditKind.allCases {
            expected[kind, default: 0] += other.expected[kind] ?? 0
            correct[kind, default: 0] += other.correct[kind] ?? 0
            wrong[kind, default: 0] += other.wrong[kind] ?? 0
            toConfirm[kind, default: 0] += other.toConfirm[kind] ?? 0
            removed[kind, default: 0] += other.removed[kind] ?? 0
            rightReason[kind, default: 0] += other.rightReason[kind] ?? 0
        }
        wrongExamples += other.wrongExamples
        twinSwaps += other.twinSwaps
    }
}

func reasonMatches(_ reason: RelinkReason, _ kind: EditKind) -> Bool {
    switch (reason, kind) {
    case (.edited, .typo), (.edited, .reword), (.moved, .move), (.topicRenamed, .rename), (.topicRenamed, .renameTypo),
         (.split, .split), (.merged, .merge): true
    default: false
    }
}

func topicTextKey(_ fact: KnownFact) -> String {
    (fact.topicPath + [ComparableText.key(of: fact.text)]).joined(separator: "\u{1F}")
}

/// Scores a report against the truth. A merge counts once: right when the
/// joined fact took either old fact's progress.
func score(_ report: RelinkReport, _ corpus: EditedCorpus, old: [KnownFact], new: [KnownFact]) -> Tally {
    var tally = Tally()
    let texts = Dictionary(old.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    let newTexts = Dictionary(new.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    var mergeTargets = Set<FactID>()
    for (_, entry) in corpus.truth {
        if entry.kind == .merge { mergeTargets.formUnion(entry.targets) } else if !entry.targets.isEmpty { tally.expected[entry.kind, default: 0] += 1 }
    }
    tally.expected[.merge] = mergeTargets.count
    for (oldID, newID, reason) in report.relinked {
        guard let entry = corpus.truth[oldID] else {
            // A repeated fact renumbered: its twin kept its id, and it takes
            // the twin's new place; the same text either way.
            if let oldFact = texts[oldID], let newFact = newTexts[newID],
               ComparableText.key(of: oldFact.text) == ComparableText.key(of: newFact.text),
               repeatedInTopic.contains(topicTextKey(oldFact)) {
                tally.twinSwaps += 1
                continue
            }
            tally.wrong[.unstudiedEdit, default: 0] += 1
            let from = texts[oldID].map { "\($0.topicPath.dropFirst().joined(separator: " > ")) / \($0.text)" } ?? "?"
            let to = newTexts[newID].map { "\($0.topicPath.dropFirst().joined(separator: " > ")) / \($0.text)" } ?? "?"
            tally.wrongExamples.append("no edit of its own, \(reason): [\(from)] -> [\(to)]")
            continue
        }
        if entry.targets.contains(newID) {
            tally.correct[entry.kind, default: 0] += 1
            if reasonMatches(reason, entry.kind) { tally.rightReason[entry.kind, default: 0] += 1 }
        } else {
            tally.wrong[entry.kind, default: 0] += 1
            let from = texts[oldID].map { "\($0.topicPath.dropFirst().joined(separator: " > ")) / \($0.text)" } ?? "?"
            let to = newTexts[newID].map { "\($0.topicPath.dropFirst().joined(separator: " > ")) / \($0.text)" } ?? "?"
            tally.wrongExamples.append("\(entry.kind.rawValue), \(reason): [\(from)] -> [\(to)]")
        }
    }
    for (oldID, _) in report.toConfirm { if let entry = corpus.truth[oldID] { tally.toConfirm[entry.kind, default: 0] += 1 } }
    for oldID in report.removed { if let entry = corpus.truth[oldID] { tally.removed[entry.kind, default: 0] += 1 } }
    return tally
}

/// One edited corpus with its relinker inputs.
struct Trial {
    var corpus: EditedCorpus
    var old: [KnownFact]
    /// Every fact without progress.
    var new: [KnownFact]
    /// Those of them that were not in the post before the edits: what the
    /// caller passes when the store knows the ids of the last load.
    var newSinceLastLoad: [KnownFact]
}

func trial(_ before: [PostFact], seed: UInt64) -> Trial {
    var random = Random(seed: seed)
    var studied = Set<FactID>()
    for fact in before where random.chance(0.6) { studied.insert(fact.id) }
    let corpus = edit(before, studied: studied, unrelatedPool: unrelatedPool, &random)
    let afterIDs = Set(corpus.after.map(\.id))
    let old = before.filter { studied.contains($0.id) && !afterIDs.contains($0.id) }.map(\.known)
    let new = corpus.after.filter { !studied.contains($0.id) }.map(\.known)
    let beforeIDs = Set(before.map(\.id))
    return Trial(corpus: corpus, old: old, new: new, newSinceLastLoad: new.filter { !beforeIDs.contains($0.id) })
}

// MARK: The run

let arguments = CommandLine.arguments
let seed = arguments.count > 1 ? UInt64(arguments[1]) ?? 16 : 16
let runs = arguments.count > 2 ? Int(arguments[2]) ?? 5 : 5
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let corpusFolder = root.appendingPathComponent("Tests/Corpus")
/// Held out: the source of the unrelated facts added, so that they are real
/// notes and yet are not copies of facts of the edited posts.
let heldOut = "aws-ccp-databases-notes.md"
var decks = [DeckLoader.bundled()]
for name in try FileManager.default.contentsOfDirectory(atPath: corpusFolder.path).sorted()
    where name.hasSuffix(".md") && name != "README.md" && name != heldOut {
    decks.append(try DeckLoader.load(path: corpusFolder.appendingPathComponent(name).path))
}
let unrelatedPool = facts(of: try DeckLoader.load(path: corpusFolder.appendingPathComponent(heldOut).path))
// Titles apart, as the app keeps them, so one deck's path is never another's.
let before = Deck.keptApart(decks).flatMap(facts(of:))
say("RelinkBenchmark: seed \(seed), \(runs) runs (seeds \(seed)…\(seed + UInt64(runs) - 1)); \(decks.count) posts, \(before.count) facts; "
    + "unrelated new facts from \(heldOut) (\(unrelatedPool.count) facts)")
let topicsOfText = Dictionary(grouping: before) { ComparableText.key(of: $0.text) }.mapValues { Set($0.map { [$0.deck] + $0.path }).count }
say("facts whose text is also under another topic (a deleted one looks moved when the other was never studied): "
    + "\(before.filter { topicsOfText[ComparableText.key(of: $0.text)]! > 1 }.count)")
let repeatedInTopic = Set(Dictionary(grouping: before.map(\.known), by: topicTextKey).filter { $0.value.count > 1 }.keys)
let trials = (0..<runs).map { trial(before, seed: seed + UInt64($0)) }
var applied: [EditKind: Int] = [:]
for trial in trials { for (kind, count) in trial.corpus.applied { applied[kind, default: 0] += count } }
say("edits applied over the runs: " + EditKind.allCases.map { "\($0.rawValue) \(applied[$0] ?? 0)" }.joined(separator: ", "))
say("relinker input per run: \(trials.map { "\($0.old.count) old / \($0.new.count) new" }.joined(separator: ", "))")

func evaluate(_ policy: RelinkPolicy, sinceLastLoad: Bool) -> Tally {
    var total = Tally()
    for trial in trials {
        let new = sinceLastLoad ? trial.newSinceLastLoad : trial.new
        let report = FactRelinker(policy: policy).relink(old: trial.old, new: new)
        total.add(score(report, trial.corpus, old: trial.old, new: new))
    }
    return total
}

func cell(_ tally: Tally) -> String {
    let precision = percent(tally.totalCorrect, tally.totalCorrect + tally.totalWrong)
    let recall = percent(tally.totalCorrect, tally.totalExpected)
    return "\(precision.padding(toLength: 7, withPad: " ", startingAt: 0)) \(recall.padding(toLength: 6, withPad: " ", startingAt: 0)) "
        + "\(String(tally.totalWrong).padding(toLength: 5, withPad: " ", startingAt: 0)) \(String(tally.totalToConfirm).padding(toLength: 5, withPad: " ", startingAt: 0))"
}

say("\nSweep (all runs together): automatic re-links. A: new = every fact without progress; B: new = facts not in the last load")
say("measure     confident margin | A: precision recall wrong confirm | B: precision recall wrong confirm")
var sweep: [(RelinkPolicy, Tally, Tally)] = []
for measure in SimilarityMeasure.allCases {
    for confident in stride(from: 0.55, through: 0.951, by: 0.05) {
        for margin in [0.1, 0.15, 0.2] {
            var policy = RelinkPolicy.standard
            policy.measure = measure
            policy.confident = confident
            policy.margin = margin
            policy.candidate = min(policy.candidate, confident)
            let all = evaluate(policy, sinceLastLoad: false), sinceLastLoad = evaluate(policy, sinceLastLoad: true)
            sweep.append((policy, all, sinceLastLoad))
            say("\(measure.rawValue.padding(toLength: 11, withPad: " ", startingAt: 0)) \(String(format: "%.2f", confident))      "
                + "\(String(format: "%.2f", margin))   | \(cell(all))       | \(cell(sinceLastLoad))")
        }
    }
}
for (label, pick) in [("A", { (entry: (RelinkPolicy, Tally, Tally)) in entry.1 }), ("B", { (entry: (RelinkPolicy, Tally, Tally)) in entry.2 })] {
    if let best = sweep.filter({ pick($0).totalWrong == 0 }).max(by: { pick($0).totalCorrect < pick($1).totalCorrect }) {
        say("\(label): best with no wrong re-link: \(best.0.measure.rawValue), confident \(String(format: "%.2f", best.0.confident)), "
            + "margin \(String(format: "%.2f", best.0.margin)): recall \(percent(pick(best).totalCorrect, pick(best).totalExpected))")
    } else {
        say("\(label): every setting makes a wrong re-link")
    }
}

say("\nThe other settings, one at a time, at the standard thresholds")
say("setting                         | A: precision recall wrong confirm | B: precision recall wrong confirm")
for (label, change) in [("renameEvidence 1", { (policy: inout RelinkPolicy) in policy.renameEvidence = 1 }),
                        ("renameEvidence 3", { $0.renameEvidence = 3 }),
                        ("minimumWordsToMove 1", { $0.minimumWordsToMove = 1 }),
                        ("minimumWordsToMove 3", { $0.minimumWordsToMove = 3 }),
                        ("minimumWordsToMove 6", { $0.minimumWordsToMove = 6 }),
                        ("partContainment 0.7", { $0.partContainment = 0.7 }),
                        ("partCoverage 0.75", { $0.partCoverage = 0.75 }),
                        ("partCoverage 0.95", { $0.partCoverage = 0.95 }),
                        ("standard", { (_: inout RelinkPolicy) in })] {
    var policy = RelinkPolicy.standard
    change(&policy)
    say("\(label.padding(toLength: 31, withPad: " ", startingAt: 0)) | \(cell(evaluate(policy, sinceLastLoad: false)))       | \(cell(evaluate(policy, sinceLastLoad: true)))")
}

let policy = RelinkPolicy.standard
for (label, sinceLastLoad) in [("A: new = every fact without progress", false), ("B: new = facts not in the last load", true)] {
    let standard = evaluate(policy, sinceLastLoad: sinceLastLoad)
    say("\nRelinkPolicy.standard (\(policy.measure.rawValue), confident \(policy.confident), margin \(policy.margin), "
        + "candidate \(policy.candidate), \(policy.minimumWordsToMove) words to move), \(label)")
    say("kind                         expected  relinked right  wrong  recall   to confirm  removed  reason as made")
    for kind in EditKind.allCases where kind != .reorder && kind != .unrelated {
        let expected = standard.expected[kind] ?? 0
        let correct = standard.correct[kind] ?? 0
        say("\(kind.rawValue.padding(toLength: 28, withPad: " ", startingAt: 0)) \(String(expected).padding(toLength: 9, withPad: " ", startingAt: 0)) "
            + "\(String(correct).padding(toLength: 15, withPad: " ", startingAt: 0)) \(String(standard.wrong[kind] ?? 0).padding(toLength: 6, withPad: " ", startingAt: 0)) "
            + "\(percent(correct, expected).padding(toLength: 8, withPad: " ", startingAt: 0)) \(String(standard.toConfirm[kind] ?? 0).padding(toLength: 11, withPad: " ", startingAt: 0)) "
            + "\(String(standard.removed[kind] ?? 0).padding(toLength: 8, withPad: " ", startingAt: 0)) \(percent(standard.rightReason[kind] ?? 0, correct))")
    }
    say("overall: precision \(percent(standard.totalCorrect, standard.totalCorrect + standard.totalWrong)) "
        + "(\(standard.totalWrong) wrong of \(standard.totalCorrect + standard.totalWrong)), recall \(percent(standard.totalCorrect, standard.totalExpected)) "
        + "(\(standard.totalCorrect) of \(standard.totalExpected)), to confirm \(standard.totalToConfirm); "
        + "\(standard.twinSwaps) re-links between two facts of one text in one topic, renumbered (not counted)")
    for example in standard.wrongExamples.prefix(12) { say("  wrong: \(example)") }
}
say("reordered facts keep their ids: \(applied[.reorder] ?? 0) facts shuffled, none of them in the relinker's input")

// MARK: Speed on a 100,000-fact deck

let large = facts(of: try DeckLoader.load(text: GeneratedPost.text(bullets: 100_000), file: "generated.md"))
for studiedShare in [1.0, 0.6] {
    var random = Random(seed: seed)
    var studied = Set<FactID>()
    for fact in large where random.chance(studiedShare) { studied.insert(fact.id) }
    var after = large
    var changed = Set<Int>()
    while changed.count < 1_000 { changed.insert(random.below(after.count)) }
    for index in changed.sorted() {
        switch random.below(4) {
        case 0: after[index].text = typo(after[index].text, &random)
        case 1: after[index].text = reword(after[index].text, &random)
        case 2: after[index].path = random.pick(large).path
        default: after[index].text = "deleted"
        }
        after[index].id = FactID.make(deck: after[index].deck, path: after[index].path, text: after[index].text)
    }
    let afterIDs = Set(after.map(\.id))
    let old = large.filter { studied.contains($0.id) && !afterIDs.contains($0.id) }.map(\.known)
    let new = after.filter { !studied.contains($0.id) && $0.text != "deleted" }.map(\.known)
    var times: [Double] = []
    var report = RelinkReport(changes: [])
    for _ in 0..<5 {
        let start = now()
        report = FactRelinker().relink(old: old, new: new)
        times.append(now() - start)
    }
    say(String(format: "\n%d facts, %.0f%% studied, 1,000 changed: %d old / %d new in, median of 5: %.1f ms (%d relinked, %d to confirm, %d removed)",
               large.count, studiedShare * 100, old.count, new.count, times.sorted()[2] * 1000,
               report.relinked.count, report.toConfirm.count, report.removed.count))
}
