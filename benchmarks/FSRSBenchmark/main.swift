// FSRS replay benchmark: replays every review history of the reference
// vectors many times and prints reviews per second. Prints figures; asserts
// nothing. Run by benchmarks/fsrs-vs-py-fsrs.sh, which runs py-fsrs on the
// same histories and prints the ratio.
//
//     FSRSBenchmark VECTORS.jsonl [ROUNDS]
#if canImport(Glibc)
import Glibc
#endif
import DeckKit
import StudyCore

/// One history: its configuration and its (rating, unix seconds) reviews.
struct History {
    var configuration: SchedulerConfiguration
    var reviews: [(Rating, Int64)]
}

/// Pulls the few fields needed out of a JSON line without a JSON library.
func numbers(after key: String, in line: Substring) -> [Double] {
    guard let start = line.firstRange(of: "\"\(key)\":") else { return [] }
    var rest = line[start.upperBound...]
    if rest.first == "[" {
        rest = rest.dropFirst()
        let end = rest.firstIndex(of: "]")!
        return rest[..<end].split(separator: ",").compactMap { Double($0) }
    }
    let end = rest.firstIndex(where: { $0 == "," || $0 == "}" })!
    return Double(rest[..<end]).map { [$0] } ?? []
}

func loadHistories(_ path: String) -> [History] {
    guard let file = fopen(path, "r") else { fatalError("cannot open \(path)") }
    defer { fclose(file) }
    var histories: [History] = []
    var buffer = [CChar](repeating: 0, count: 1 << 20)
    while fgets(&buffer, Int32(buffer.count), file) != nil {
        let line = String(decoding: buffer.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self)[...]
        guard let configEnd = line.firstRange(of: "\"reviews\":") else { continue }
        let config = line[..<configEnd.lowerBound]
        let configuration = SchedulerConfiguration(
            parameters: numbers(after: "parameters", in: config),
            desiredRetention: numbers(after: "desired_retention", in: config)[0],
            learningSteps: numbers(after: "learning_steps_s", in: config).map { Int64($0) * 1000 },
            relearningSteps: numbers(after: "relearning_steps_s", in: config).map { Int64($0) * 1000 },
            maximumInterval: Int(numbers(after: "maximum_interval", in: config)[0]),
            enableFuzzing: false)
        var reviews: [(Rating, Int64)] = []
        for record in line[configEnd.upperBound...].split(separator: "{\"n\":").dropFirst() {
            let rating = Int(numbers(after: "rating", in: record)[0])
            let time = Int64(numbers(after: "review_ts", in: record)[0])
            reviews.append((Rating(rawValue: rating)!, time))
        }
        histories.append(History(configuration: configuration, reviews: reviews))
    }
    return histories
}

func now() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

let arguments = CommandLine.arguments
guard arguments.count >= 2 else { fatalError("usage: FSRSBenchmark VECTORS.jsonl [ROUNDS]") }
let rounds = arguments.count > 2 ? Int(arguments[2]) ?? 2000 : 2000
let histories = loadHistories(arguments[1])
let schedulers = try histories.map { try FSRSScheduler($0.configuration) }
let factID = FactID(rawValue: "benchmark")
var reviews = 0
var checksum = 0.0
let start = now()
// Flattened once, so the loop measures the scheduler rather than array copies.
let ratings = histories.map { $0.reviews.map(\.0) }
let times = histories.map { $0.reviews.map { Timestamp(seconds: $0.1) } }
for _ in 0..<rounds {
    for index in histories.indices {
        let scheduler = schedulers[index]
        var card = CardProgress.new(factID: factID)
        let (grades, moments) = (ratings[index], times[index])
        for review in grades.indices {
            scheduler.apply(grades[review], at: moments[review], to: &card)
        }
        reviews += ratings[index].count
        checksum += card.stability ?? 0
    }
}
let elapsed = now() - start
print("swift: \(reviews) reviews in \(Int(elapsed * 1000)) ms: \(Int(Double(reviews) / elapsed)) reviews/s (checksum \(Int(checksum)))")
