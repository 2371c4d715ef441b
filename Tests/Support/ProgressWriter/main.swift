// ProgressWriter: a test helper that answers in a loop, for the crash and
// several-process tests (Tests/EndToEnd/store.sh). After each answer is
// committed it prints `ack <review id>`, so a test that kills it with SIGKILL
// knows which answers the store had acknowledged. Facts are PREFIX-0 to
// PREFIX-24, so writers given one prefix answer the same facts; like the app,
// it keeps the card the store says it wrote.
//
//     ProgressWriter STORE COUNT PREFIX
#if canImport(Glibc)
import Glibc
#endif
import DeckKit
import ProgressSQLite
import StudyCore

let arguments = CommandLine.arguments
guard arguments.count == 4, let count = Int(arguments[2]) else {
    let usage = "usage: ProgressWriter STORE COUNT PREFIX\n"
    _ = usage.withCString { write(2, $0, strlen($0)) }
    exit(64)
}
let (path, prefix) = (arguments[1], arguments[3])
// A fixed clock: the helper is its own composition root, and its times only need to increase.
let start = Timestamp(milliseconds: 1_795_597_200_000)
do {
    var configuration = SchedulerConfiguration.standard
    configuration.enableFuzzing = false
    let scheduler = try FSRSScheduler(configuration)
    let store = try SQLiteProgressStore.open(path: path, now: start, dailyBackup: false)
    var cards = try store.loadCards()
    for index in 0..<count {
        let factID = FactID(rawValue: "\(prefix)-\(index % 25)")
        let before = cards[factID] ?? .new(factID: factID)
        let time = start.adding(milliseconds: Int64(index) * 3_600_000)
        let rating = Rating(rawValue: index % 4 + 1)!
        let after = scheduler.review(before, rating: rating, at: time)
        let stored = try store.record(ReviewRecord(factID: factID, deck: "writer", reviewedAt: time, rating: rating,
                                                   mode: .study, kind: "flip", elapsedMilliseconds: 1000,
                                                   before: before, after: after),
                                      scheduler: scheduler)
        cards[factID] = stored.after
        let line = "ack \(stored.id ?? 0)\n"
        _ = line.withCString { write(1, $0, strlen($0)) }
    }
} catch {
    let line = "ProgressWriter: \(error)\n"
    _ = line.withCString { write(2, $0, strlen($0)) }
    exit(1)
}
