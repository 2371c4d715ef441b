import DeckKit
import StudyCore

/// Everything the screen shows, as plain values. `update` is the only thing
/// that changes it; views only read it.
public struct AppState: Equatable, Sendable {
    public var decks: [Deck]
    /// Nodes the user has folded (everything starts unfolded).
    public var collapsed: Set<NodePath> = []
    /// The visible tree rows, kept in step with `decks` and `collapsed`.
    public private(set) var rows: [TreeRow]
    /// Index into `rows` of the selected row.
    public var selectedRow = 0
    /// Index of the first tree row on screen.
    public var treeScroll = 0
    /// Index into the selected node's `detailFacts` of the selected fact.
    public var selectedFact = 0
    /// The pane that gets the keys.
    public var focus: Pane = .tree
    /// What fills the screen: browsing, a quiz or the stats. One value, so
    /// the views, the keys and the mouse cannot disagree about the mode.
    public var screen: Screen = .browse
    /// Help or a search being typed, over the screen; nil when neither.
    public var overlay: Overlay?
    /// The last search's query and matches (typed while `overlay` is
    /// `.searchInput`, then stepped through with n/N), if any.
    public var search: SearchState?
    /// Built on the first search, then kept.
    public var searchIndex: SearchIndex?
    /// The time now, as the run loop last told it (`.clockTicked`).
    public var now: Timestamp
    /// Every card the store knows, by fact id; a fact not here is new.
    public var progress: [FactID: CardProgress]
    /// Due/new counts and mastery per node, kept in step with `progress`.
    public private(set) var nodeProgress: [NodePath: NodeProgress] = [:]
    /// When a card next comes due or out of its burial: the tree's counts
    /// are refreshed on the first clock tick after it.
    public private(set) var nextProgressChange: Timestamp?
    public var scheduler: FSRSScheduler
    public var studyOptions: StudyOptions
    /// New facts already started today (they count against `newPerDay`).
    public var newFactsStartedToday: Int
    /// Built when the first session starts, unless one prepared off the
    /// run loop came first (`.questionsPrepared`).
    public var questionGenerator: QuestionGenerator?
    /// A one-line message for the status bar (a store error, an undo); it
    /// goes at the next key, or when its time is up.
    public var message: StatusMessage?
    /// The last store failure, typed (plain mode reports it on stderr).
    public var lastStoreFailure: StoreFailure?
    /// What `u` takes back, newest last: answers this run stored, and
    /// suspensions and burials.
    public var undoStack: [UndoEntry] = []
    /// New facts added to today's limit from inside the app (`+`).
    public var extraNewToday = 0
    /// The last answers of the fact selected in the detail, read from the
    /// store when the selection moves (`.loadFactHistory`).
    public var factHistory: FactHistory?
    /// Where each fact sits in the tree: identity travels by fact id, and
    /// this replaces walks and title searches.
    public let factPaths: FactPaths
    public var layout: PaneLayout
    public var keyMap: KeyMap
    public var isRunning = true
    /// How often the run loop looks at the posts on disk (milliseconds; nil:
    /// it does not), so a change is read within that time.
    public var postsWatchInterval: Int?
    /// The posts are files the learner may edit (`e`); not the bundled post.
    public var editablePosts = false
    /// What changed in the notes when they were last opened or read again:
    /// the "what changed" screen (`c`) lists it.
    public var notesChanges = NotesChanges()

    public init(decks: [Deck], width: Int = 80, height: Int = 24, keyMap: KeyMap = .standard,
                now: Timestamp = Timestamp(milliseconds: 0), progress: [FactID: CardProgress] = [:],
                scheduler: FSRSScheduler = .standard, studyOptions: StudyOptions = StudyOptions(),
                newFactsStartedToday: Int = 0) {
        self.decks = decks
        self.now = now
        self.progress = progress
        self.scheduler = scheduler
        self.studyOptions = studyOptions
        self.newFactsStartedToday = newFactsStartedToday
        self.rows = TreeRow.visibleRows(of: decks, collapsed: [])
        self.factPaths = FactPaths(decks)
        self.layout = PaneLayout(width: width, height: height)
        self.keyMap = keyMap
        // Start on the first node with facts of its own, so the detail pane
        // shows something to learn at once.
        let decks = self.decks
        selectedRow = rows.firstIndex { row in !(decks.node(at: row.path)?.facts.isEmpty ?? true) } ?? 0
        refreshNodeProgress()
    }

    /// The facts of the node the tree selects when the screen opens (the
    /// first with facts of its own): what `s` studies if pressed at once,
    /// so the question generator can be prepared for them while the screen
    /// opens. The same rule as `init`, without building a state.
    public static func firstSelectedFacts(in decks: [Deck]) -> [FactID] {
        for path in TreeRow.visibleRows(of: decks, collapsed: []).map(\.path) {
            if let node = decks.node(at: path), !node.facts.isEmpty { return node.facts.map(\.id) }
        }
        return []
    }

    /// The quiz, when the screen is one (read-only: change `screen`).
    public var quiz: QuizState? { screen.quiz }

    /// The stats view, when the screen is one (read-only: change `screen`).
    public var statsView: StatsViewState? { screen.stats }

    public var isShowingHelp: Bool { overlay == .help }

    /// The title of the deck a fact belongs to (by its tree path), as the
    /// store records it with each answer and card.
    public func deckTitle(of id: FactID) -> String {
        decks[factPaths[id]?.indices.first ?? 0].title
    }

    /// The session summary on screen as lines, when there is one: the view
    /// draws it and `update` scrolls it, from this one value.
    public var summaryDocument: SummaryDocument? {
        guard let quiz, case .summary(let summary) = quiz.phase else { return nil }
        var texts: [FactID: String] = [:]
        for id in summary.lapsed + summary.missedQuestions.map(\.factID) {
            texts[id] = questionGenerator?.fact(id)?.text.plainText ?? AppUpdate.factText(id, in: self)
        }
        return SummaryDocument(summary: summary, facts: texts, days: studyOptions.dayBoundary,
                               selectedMiss: summary.missedQuestions.isEmpty ? nil
                                   : min(quiz.selectedMiss, summary.missedQuestions.count - 1),
                               editable: editablePosts)
    }

    /// Recounts due, new, suspended, buried and mastery for every node from
    /// `progress` at `now`, and notes when the next card comes due (the
    /// clock refreshes the counts then).
    ///
    /// One pass over the cards in the order they are stored, each counted
    /// at its node (`FactPaths`), then one walk of the tree adding children
    /// to parents: looking each fact's card up in the tree's order missed
    /// the cache twice a fact (keys, then the 145-byte card), 40 ms of the
    /// opening of a 100,000-fact post with 90,000 cards (issue 14). Notes
    /// with a fact in two places are counted fact by fact, as before
    /// (`countedByFact`), and so is a tree the paths were not made from.
    public mutating func refreshNodeProgress() {
        nextProgressChange = nil
        guard !factPaths.hasRepeats, let counted = countedByCard() else {
            countedByFact()
            return
        }
        nodeProgress = counted
    }

    /// How `refreshNodeProgress` counts a card; notes when it changes next.
    private static func count(_ card: CardProgress, into counts: inout NodeProgress, now: Timestamp,
                              scheduler: FSRSScheduler, leechLapses: Int, nextChange: inout Timestamp?) {
        func note(_ time: Timestamp?) {
            guard let time, time > now else { return }
            if nextChange.map({ time < $0 }) ?? true { nextChange = time }
        }
        if card.suspended { counts.suspended += 1 }
        if card.isBuried(at: now) { counts.buried += 1; note(card.buriedUntil) }
        if card.lapses >= leechLapses { counts.leeches += 1 }
        guard card.state != .new else { counts.new += 1; return }
        counts.studied += 1
        counts.addMastery(scheduler.mastery(of: card, at: now))
        if card.isAskable(at: now), let due = card.due {
            if due <= now { counts.due += 1 } else { note(due) }
        }
    }

    /// Each node's counts from one pass over `progress`; nil when the tree
    /// is not the one `factPaths` was made from.
    private mutating func countedByCard() -> [NodePath: NodeProgress]? {
        let now = self.now, scheduler = self.scheduler, leechLapses = studyOptions.leechLapses
        var own = [NodeProgress](repeating: NodeProgress(), count: factPaths.nodeCount)
        var nextChange: Timestamp?
        // `new` here counts cards not yet studied; the facts without a card
        // are added as the tree is walked.
        var cardsOfNode = [Int](repeating: 0, count: factPaths.nodeCount)
        for (id, card) in progress {
            guard let number = factPaths.nodeNumber(of: id) else { continue }
            cardsOfNode[number] += 1
            Self.count(card, into: &own[number], now: now, scheduler: scheduler, leechLapses: leechLapses,
                       nextChange: &nextChange)
        }
        var result: [NodePath: NodeProgress] = [:]
        var number = 0, matches = true
        func visit(_ node: TopicNode, _ path: NodePath) -> NodeProgress {
            var counts = NodeProgress()
            if !node.facts.isEmpty {
                if number < own.count, factPaths.path(ofNode: number) == path {
                    counts = own[number]
                    counts.facts = node.facts.count
                    counts.new += node.facts.count - cardsOfNode[number]
                } else {
                    matches = false
                }
                number += 1
            }
            for (index, child) in node.children.enumerated() {
                counts.add(visit(child, path.child(index)))
            }
            result[path] = counts
            return counts
        }
        for (index, deck) in decks.enumerated() { _ = visit(deck.root, NodePath([index])) }
        guard matches, number == own.count else { return nil }
        nextProgressChange = nextChange
        return result
    }

    /// The same, each fact's card looked up as the tree is walked.
    private mutating func countedByFact() {
        var result: [NodePath: NodeProgress] = [:]
        let progress = self.progress, scheduler = self.scheduler, now = self.now
        let leechLapses = studyOptions.leechLapses
        var nextChange: Timestamp?
        func visit(_ node: TopicNode, _ path: NodePath) -> NodeProgress {
            var counts = NodeProgress()
            for fact in node.facts {
                counts.facts += 1
                guard let card = progress[fact.id] else { counts.new += 1; continue }
                Self.count(card, into: &counts, now: now, scheduler: scheduler, leechLapses: leechLapses,
                           nextChange: &nextChange)
            }
            for (index, child) in node.children.enumerated() {
                counts.add(visit(child, path.child(index)))
            }
            result[path] = counts
            return counts
        }
        for (index, deck) in decks.enumerated() { _ = visit(deck.root, NodePath([index])) }
        nodeProgress = result
        nextProgressChange = nextChange
    }

    /// How long the run loop may wait for input before it must tell `update`
    /// the time (nil: as long as it likes): an exam's countdown ticks every
    /// half second, a message expires, a card comes due.
    public var wakeUpAfter: Int? {
        if let quiz, quiz.session.deadline != nil {
            switch quiz.phase {
            case .asking, .revealed, .feedback: return 500
            case .summary, .nothingToDo: break
            }
        }
        var wait: Int64?
        if let message {
            let untilExpiry = max(1, message.expiresAt.milliseconds - now.milliseconds)
            wait = message.kind == .progress ? min(untilExpiry, StatusMessage.progressRefreshMilliseconds) : untilExpiry
        }
        if let change = nextProgressChange {
            let untilChange = max(1, change.milliseconds - now.milliseconds)
            wait = min(wait ?? untilChange, untilChange)
        }
        if let interval = postsWatchInterval { wait = min(wait ?? Int64(interval), Int64(interval)) }
        return wait.map { Int(min($0, 60_000)) }
    }

    /// Whether `action` would make the question generator on the spot: a
    /// session started while none is prepared. The run loop then lets the
    /// one being prepared off the loop arrive first (`AppRunLoop.awaitQuestions`).
    public func needsQuestionGenerator(for action: AppAction) -> Bool {
        guard questionGenerator == nil else { return false }
        switch action {
        case .startSession:
            return true
        case .keyPressed(let key):
            guard keyContext != .help, let command = keyMap.resolve(key, in: keyContext) else { return false }
            return command == .startStudy || command == .startPractice || command == .startExam
        default:
            return false
        }
    }

    /// Whether `command` would do something now: the status bar shows only
    /// the keys of commands that apply (n/N/Esc only with a kept search,
    /// re-drill only with misses), asking this instead of naming keys.
    public func canPerform(_ command: Command) -> Bool {
        switch command {
        case .nextMatch, .previousMatch, .clearSearch:
            return !(search?.matches.isEmpty ?? true)
        case .redrillMisses:
            if let quiz, case .summary(let summary) = quiz.phase { return !summary.misses.isEmpty }
            return false
        case .answer1, .answer2, .answer3, .answer4, .answer5, .answer6, .answer7, .answer8, .answer9:
            let number = Command.allCases.firstIndex(of: command)! - Command.allCases.firstIndex(of: .answer1)! + 1
            // On "what changed": a candidate of the change to confirm selected.
            if let view = screen.changes {
                guard view.items.indices.contains(view.selected),
                      case .toConfirm(_, let candidates) = view.items[view.selected] else { return false }
                return candidates.count >= number
            }
            // Only a question of the notes has more than four options.
            guard number > 4, let quiz, case .asking = quiz.phase, let question = quiz.question else { return true }
            return question.options.count >= number
        case .discardChange:
            guard let view = screen.changes, view.items.indices.contains(view.selected) else { return false }
            switch view.items[view.selected] {
            case .relinked, .toConfirm, .gone: return true
            case .settled, .deckRenamed: return false
            }
        case .submitChoices:
            guard let quiz, case .asking = quiz.phase, let question = quiz.question else { return false }
            return question.choosesSeveral
        case .pickFactToRelink:
            // Only progress still waiting for its fact: gone, or to confirm.
            guard let view = screen.changes, view.items.indices.contains(view.selected) else { return false }
            switch view.items[view.selected] {
            case .gone, .toConfirm: return true
            case .relinked, .settled, .deckRenamed: return false
            }
        case .relinkToPickedFact:
            return screen.changes?.picker?.selectedFact != nil
        case .editFact:
            // On the summary: a miss to open.
            if let quiz, case .summary(let summary) = quiz.phase { return !summary.missedQuestions.isEmpty }
            return true
        default:
            return true
        }
    }

    /// The fact the detail marks (`›`) in the selected node, if it has facts.
    public var selectedFactID: FactID? {
        guard let facts = selectedNode?.detailFacts, facts.indices.contains(selectedFact) else { return nil }
        return facts[selectedFact].id
    }

    public var selectedPath: NodePath? {
        rows.indices.contains(selectedRow) ? rows[selectedRow].path : nil
    }

    public var selectedNode: TopicNode? {
        selectedPath.flatMap { decks.node(at: $0) }
    }

    /// Where the keys go now: an overlay first, then the screen.
    public var keyContext: KeyContext {
        switch overlay {
        case .help?: return .help
        case .searchInput?: return .searchInput
        case nil: break
        }
        switch screen {
        case .browse:
            return focus == .tree ? .tree : .detail
        case .stats:
            return .stats
        case .changes(let view):
            return view.picker == nil ? .changes : .factPicker
        case .quiz(let quiz):
            switch quiz.phase {
            case .asking:
                switch quiz.question?.kind {
                case .flip?: return .quizFlip
                case .clozeTyped?: return .quizTyping
                case .trueFalse?: return .quizTrueFalse
                default: return .quizChoice
                }
            case .revealed: return .quizGrade
            case .feedback: return .quizFeedback
            case .summary: return .quizSummary
            case .nothingToDo: return .quizEmpty
            }
        }
    }

    /// Recomputes `rows` after `collapsed` changed, keeping `path` selected.
    mutating func refreshRows(selecting path: NodePath?) {
        rows = TreeRow.visibleRows(of: decks, collapsed: collapsed)
        if let path, let index = rows.firstIndex(where: { $0.path == path }) {
            selectedRow = index
        } else {
            selectedRow = min(selectedRow, max(0, rows.count - 1))
        }
    }
}
