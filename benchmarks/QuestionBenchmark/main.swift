// Question benchmark: what the generator costs per question on a large deck,
// against the same on the bundled post (measured in the same run), plus the
// `questions` command's whole work on a 3,600-fact post and the first
// question of a post that is one 2 MB bullet. Prints figures; asserts nothing.
//
//     swift run -c release QuestionBenchmark [FACTS]     (default 3600; try 100000)
//     swift run -c release QuestionBenchmark 3600 --write-post FILE   (just the post)
import DeckKit
import Reports
import StudyCore
#if canImport(Glibc)
import Glibc
#endif

func now() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

/// Prints a line and flushes it at once, so a slow part shows what came before it.
func say(_ line: String) {
    print(line)
    fflush(nil)
}

func formatted(_ value: Double, _ digits: Int = 2) -> String {
    var scale = 1.0
    for _ in 0..<digits { scale *= 10 }
    let rounded = (value * scale).rounded() / scale
    return String(rounded)
}

func facts(of deck: Deck) -> [FactID] {
    var ids: [FactID] = []
    deck.root.forEachNode { ids += $0.facts.map(\.id) }
    return ids
}

/// Every question of every kind for every fact, as `awsml-tui questions` makes
/// them; on a deck of more than 20,000 facts, for 4,000 facts spread over it.
func allQuestions(_ deck: Deck) -> (seconds: Double, questions: Int) {
    let start = now()
    let generator = QuestionGenerator(decks: [deck])
    var count = 0
    let ids = facts(of: deck)
    let step = ids.count > 20_000 ? ids.count / 4_000 : 1
    for id in stride(from: 0, to: ids.count, by: step).map({ ids[$0] }) {
        for kind in QuestionKind.allCases where generator.question(for: id, kind: kind, seed: 1) != nil { count += 1 }
    }
    return (now() - start, count)
}

/// Building a study session over the whole deck and asking its first question.
func firstQuestion(_ deck: Deck) throws -> Double {
    let start = now()
    let generator = QuestionGenerator(decks: [deck])
    var session = StudySession.start(mode: .study, scope: facts(of: deck), cards: [:], generator: generator,
                                     scheduler: try FSRSScheduler(.standard), now: Timestamp(milliseconds: 1_800_000_000_000),
                                     options: .init(seed: 1))
    _ = session.nextQuestion(now: Timestamp(milliseconds: 1_800_000_000_000))
    return now() - start
}

func median(_ runs: Int, _ body: () throws -> Double) rethrows -> Double {
    var times: [Double] = []
    for _ in 0..<runs { times.append(try body()) }
    return times.sorted()[runs / 2]
}

let size = CommandLine.arguments.count > 1 ? Int(CommandLine.arguments[1]) ?? 3600 : 3600
// `QuestionBenchmark 3600 --write-post FILE`: only write the generated post
// (benchmarks/run.sh times the `questions` command on it).
if CommandLine.arguments.count > 3, CommandLine.arguments[2] == "--write-post" {
    let text = GeneratedPost.text(bullets: size)
    guard let file = fopen(CommandLine.arguments[3], "w"), fputs(text, file) >= 0, fclose(file) == 0 else {
        say("cannot write \(CommandLine.arguments[3])")
        exit(1)
    }
    exit(0)
}
let bundled = DeckLoader.bundled()
// `QuestionBenchmark --session FILE [RUNS]`: only a session's first question
// on one topic of FILE (benchmarks/run.sh's 100,000-fact post, say), in steps,
// against the same on the bundled post; RUNS of each (default 5, seeds 1…RUNS), medians.
if CommandLine.arguments.count > 2, CommandLine.arguments[1] == "--session" {
    let post = try DeckLoader.load(path: CommandLine.arguments[2])
    let runs = CommandLine.arguments.count > 3 ? Int(CommandLine.arguments[3]) ?? 5 : 5
    var smallTimes: [Double] = [], bigSteps: [(index: Double, glossary: Double, question: Double)] = []
    // The app seeds a session from the clock: each run another seed.
    for run in 0..<runs {
        let small = try topicFirstQuestionSteps(bundled, seed: UInt64(run + 1))
        smallTimes.append(small.index + small.glossary + small.question)
        bigSteps.append(try topicFirstQuestionSteps(post, seed: UInt64(run + 1)))
    }
    // As the full screen does it (`QuestionPreparation`): the generator made
    // and prepared near the topic before `s`; only the session and its
    // first question are then on the key press.
    var preparedTimes: [Double] = [], preparing: [Double] = []
    for run in 0..<runs {
        var topic: [FactID] = []
        post.root.forEachNode { node in if topic.isEmpty { topic = node.facts.map(\.id) } }
        let made = now()
        let generator = QuestionGenerator(decks: [post])
        generator.prepare(near: topic)
        preparing.append(now() - made)
        let clock = Timestamp(milliseconds: 1_800_000_000_000)
        let start = now()
        var session = StudySession.start(mode: .study, scope: topic, cards: [:], generator: generator,
                                         scheduler: try FSRSScheduler(.standard), now: clock, options: .init(seed: UInt64(run + 1)))
        let asked = session.nextQuestion(now: clock)
        preparedTimes.append(now() - start)
        if CommandLine.arguments.contains("--each") {
            say("    seed \(run + 1): \(formatted(preparedTimes.last! * 1000, 2)) ms, \(asked.map { "\($0.kind)" } ?? "none")")
        }
    }
    func middle(_ values: [Double]) -> Double { values.sorted()[values.count / 2] * 1000 }
    let small = middle(smallTimes), big = middle(bigSteps.map { $0.index + $0.glossary + $0.question })
    say("a study session on one topic, to its first question (median of \(runs)): bundled post \(formatted(small, 2)) ms; \(CommandLine.arguments[2]) \(formatted(big, 2)) ms (index \(formatted(middle(bigSteps.map(\.index)), 2)) ms, glossary \(formatted(middle(bigSteps.map(\.glossary)), 2)) ms, session and question \(formatted(middle(bigSteps.map(\.question)), 2)) ms): \(formatted(big / small))x")
    say("  preparing the generator off the key press (index, glossary, analyses near the topic): \(formatted(middle(preparing), 2)) ms")
    say("  with the generator prepared near the topic first: session and question \(formatted(middle(preparedTimes), 2)) ms (slowest \(formatted(preparedTimes.max()! * 1000, 2)) ms): \(formatted(middle(preparedTimes) / small))x")
    exit(0)
}
let generated = try DeckLoader.load(text: GeneratedPost.text(bullets: size), file: "generated.md")
let bundledFacts = facts(of: bundled).count, generatedFacts = facts(of: generated).count

let bundledAll = allQuestions(bundled)
let generatedAll = allQuestions(generated)
let bundledPer = bundledAll.seconds / Double(max(1, bundledAll.questions)) * 1e6
let generatedPer = generatedAll.seconds / Double(max(1, generatedAll.questions)) * 1e6
say("every question of every kind (the `questions` command's work):")
say("  bundled post: \(bundledFacts) facts, \(bundledAll.questions) questions in \(formatted(bundledAll.seconds * 1000, 1)) ms (\(formatted(bundledPer, 1)) µs each)")
say("  generated:    \(generatedFacts) facts\(generatedFacts > 20_000 ? " (4,000 sampled)" : ""), \(generatedAll.questions) questions in \(formatted(generatedAll.seconds * 1000, 1)) ms (\(formatted(generatedPer, 1)) µs each)")
say("  per question, generated / bundled: \(formatted(generatedPer / bundledPer))x")
if generatedFacts <= 20_000 {
    // What `awsml-tui questions --json` does: the same work on every core,
    // each question written as its JSON line; a fresh generator each run.
    let allFacts = { () -> [Fact] in var list: [Fact] = []; generated.root.forEachNode { list += $0.facts }; return list }()
    var made = 0, bytes = 0
    let seconds = median(3) {
        let start = now()
        made = 0
        bytes = 0
        for line in QuestionReport.lines(for: allFacts, generator: QuestionGenerator(decks: [generated]), seed: 1, json: true) {
            made += 1
            bytes += line.utf8.count
        }
        return now() - start
    }
    say("  the same on every core with the JSON (the command), median of 3: \(made) questions, \(bytes / 1024) KB in \(formatted(seconds * 1000, 1)) ms (goal: under 1,000 ms at 3,600 facts)")
}

/// The three steps of a session's first question, timed apart.
func firstQuestionSteps(_ deck: Deck) throws -> (index: Double, start: Double, question: Double) {
    let t0 = now()
    let generator = QuestionGenerator(decks: [deck])
    let t1 = now()
    let clock = Timestamp(milliseconds: 1_800_000_000_000)
    var session = StudySession.start(mode: .study, scope: facts(of: deck), cards: [:], generator: generator,
                                     scheduler: try FSRSScheduler(.standard), now: clock, options: .init(seed: 1))
    let t2 = now()
    _ = session.nextQuestion(now: clock)
    return (t1 - t0, t2 - t1, now() - t2)
}

let bundledFirst = try median(5) { try firstQuestion(bundled) }
let generatedFirst = try median(5) { try firstQuestion(generated) }
let steps = try firstQuestionSteps(generated)
say("study session on the whole deck, to its first question (median of 5):")
say("  generated, one run: index \(formatted(steps.index * 1000, 2)) ms, session start \(formatted(steps.start * 1000, 2)) ms, first question \(formatted(steps.question * 1000, 2)) ms")
say("  bundled post \(formatted(bundledFirst * 1000, 2)) ms, generated \(formatted(generatedFirst * 1000, 2)) ms: \(formatted(generatedFirst / bundledFirst))x")

// One bullet of 2 MB: the first question must not walk it many times over.
var long = "# Long\n## One bullet\n- "
var state: UInt64 = 7
let vocabulary = ["Amazon", "SageMaker", "trains", "models", "on", "16 TB", "of", "data", "with", "Pipe", "mode", "and"]
while long.utf8.count < 2_000_000 {
    state = state &* 6364136223846793005 &+ 1442695040888963407
    long += vocabulary[Int(state >> 33) % vocabulary.count] + " "
}
long += "end.\n## Other\n- A second topic so which-topic has company.\n"
let longDeck = try DeckLoader.load(text: long, file: "long.md")
let longFirst = try median(3) { try firstQuestion(longDeck) }
say("a 2 MB bullet, to its first question (median of 3): \(formatted(longFirst * 1000, 1)) ms (\(formatted(longFirst / bundledFirst))x the bundled post)")

/// A study session on one topic of the generated post (its first topic with
/// facts), to its first question, timed in steps: the index, the glossary
/// (bold and code terms of the whole deck), then the session and question.
func topicFirstQuestionSteps(_ deck: Deck, seed: UInt64 = 1) throws -> (index: Double, glossary: Double, question: Double) {
    var topic: [FactID] = []
    deck.root.forEachNode { node in if topic.isEmpty { topic = node.facts.map(\.id) } }
    let t0 = now()
    let generator = QuestionGenerator(decks: [deck])
    let t1 = now()
    generator.prepare()
    let t2 = now()
    let clock = Timestamp(milliseconds: 1_800_000_000_000)
    var session = StudySession.start(mode: .study, scope: topic, cards: [:], generator: generator,
                                     scheduler: try FSRSScheduler(.standard), now: clock, options: .init(seed: seed))
    _ = session.nextQuestion(now: clock)
    return (t1 - t0, t2 - t1, now() - t2)
}
let topicSteps = try topicFirstQuestionSteps(generated)
say("a study session on one 50-fact topic, to its first question: index \(formatted(topicSteps.index * 1000, 2)) ms, glossary \(formatted(topicSteps.glossary * 1000, 2)) ms, session and question \(formatted(topicSteps.question * 1000, 2)) ms")
