import DeckKit
import StudyCore

/// What happened, as `update` receives it: input, the clock, and the results
/// of the I/O that `update` asked for (each effect's result comes back here,
/// and its own effects are run in turn).
public enum AppAction: Equatable, Sendable {
    /// The run loop's clock, sent before each event and on idle ticks:
    /// `update` never reads a clock. Exams end and messages expire here.
    case clockTicked(Timestamp)
    /// A key was pressed; `name` as `TerminalUI.Key.name` spells it ("Down", "j").
    case keyPressed(String)
    /// The terminal is now this size.
    case terminalResized(width: Int, height: Int)
    /// A click landed on this tree row (an index into `rows`).
    case clickedTreeRow(Int)
    /// A click landed on this fact of the detail (an index into `detailFacts`).
    case clickedFact(Int)
    /// A click landed in a pane, on nothing in particular.
    case clickedPane(Pane)
    /// The mouse wheel turned over a pane: positive `lines` scroll down.
    case scrolled(Pane, lines: Int)

    // MARK: Intents (plain mode drives the quiz with these, not with key names)

    /// Start a session of `mode` on the selected node.
    case startSession(StudyMode)
    /// Choose option `index` (0-based) of a choice question.
    case chooseOption(Int)
    /// Several options (0-based) of a question with several right ones, checked together.
    case chooseOptions([Int])
    /// Answer a typed question with this text.
    case submitTypedAnswer(String)
    /// Turn a flip card.
    case revealCard
    /// Grade: a flip card, or a change of the suggested grade on feedback.
    case grade(Rating)
    /// Go on from the feedback with the suggested grade.
    case acceptSuggestedGrade
    /// End the session on its summary.
    case endSession

    // MARK: Results of effects

    /// The store kept this answer; `record.id` is its row id, and its cards
    /// before and after are the ones the store used and wrote.
    case reviewSaved(ReviewRecord)
    /// The store replaced an answer's grade (a grade changed on feedback);
    /// `record.after` is the card it wrote.
    case reviewReplaced(ReviewRecord)
    /// The store took back this review (nil: there was none).
    case reviewUndone(ReviewRecord?)
    /// The store saved these cards (a suspension, burial or its undo).
    case cardsSaved([CardSnapshot])
    /// What the stats screen needs of the review log, read for its scope.
    case reviewActivityLoaded(ReviewActivity)
    /// The last answers of a fact, for the detail.
    case factHistoryLoaded(FactHistory)
    /// The store moved these facts' progress (a change confirmed by hand).
    case factsRelinked([FactLink])
    /// The store would not move `old`'s progress to `new` (`new` has
    /// progress of its own, or `old` none any more).
    case relinkRefused(old: FactID, new: KnownFact)
    /// The store put this re-link back.
    case relinkUndone(FactLink)
    /// The store could not do what an effect asked.
    case storeFailed(StoreFailure)

    // MARK: Outside changes

    /// How far the posts being read again have got ("reading notes.md
    /// again: 4 of 11 MB…"), shown until they are taken; nil once read
    /// (they wait for the tree, and the line goes).
    case postsReading(String?)

    /// The posts changed on disk and were read again (the run loop's watcher).
    case postsReloaded(ReloadedPosts)
    /// The posts changed on disk but no longer load: the last good version
    /// stays, and this one line says why.
    case postsReloadFailed(String)
    /// The editor opened with `e` could not start or did not end well.
    case editorFailed(String)
    /// A question generator made and prepared off the run loop while the
    /// screen opened, so the first `s` need not build its index over the
    /// whole deck. Taken only when no session made one first and it was made
    /// from the decks on screen.
    case questionsPrepared(QuestionGenerator)
    /// The store's upkeep after the first frame (today's copy, the posts'
    /// outlines for `stats`), done off the run loop, has ended; `problems`
    /// says what it could not do (nothing is lost: the screen said already
    /// when no copy could be kept, and `stats` parses a post it has no
    /// outline of), for the status bar.
    case storeUpkeepEnded(problems: [String])
}

/// I/O that `update` asks the run loop to do.
public enum Effect: Hashable, Sendable {
    /// Restore the terminal and end the program.
    case quit
    /// Write this answer now, in its own transaction; comes back as
    /// `.reviewSaved` (or `.storeFailed`).
    case saveReview(ReviewRecord)
    /// Give the stored answer `id` the grade of `record` (the store works the
    /// card after out again from the card before it stored) in one
    /// transaction; comes back as `.reviewReplaced`.
    case replaceReview(id: Int64, with: ReviewRecord)
    /// Take back the review `id` (nil: the store's newest); comes back as
    /// `.reviewUndone`.
    case undoReview(id: Int64?)
    /// Write these cards as given (nil card: delete the fact's card); comes
    /// back as `.cardsSaved`.
    case saveCards([CardSnapshot])
    /// Read what the statistics need of the log for these facts (counts per
    /// quarter hour, and one by one the reviews of the quarter hours the
    /// rolling windows ending at `now` cut); it comes back as
    /// `.reviewActivityLoaded`.
    case loadReviewActivity(scope: Set<FactID>, now: Timestamp)
    /// Read a fact's last answers; they come back as `.factHistoryLoaded`.
    case loadFactHistory(FactID)
    /// Throw away what the terminal shows and draw everything again (Ctrl-L).
    case repaint
    /// Open post `deck` (its index in `AppState.decks`) at `line` in the
    /// learner's editor, the screen suspended meanwhile; the post is read
    /// again on return (as `.postsReloaded`).
    case editPost(deck: Int, line: Int)
    /// Move `old`'s progress to `new` (a change confirmed on the "what
    /// changed" screen, or a fact chosen there by hand), recorded with
    /// `reason` ("confirmed", "by hand"); comes back as `.factsRelinked`, or
    /// `.relinkRefused` when the store's guard keeps the progress where it is.
    case relinkByHand(old: FactID, new: KnownFact, reason: String, at: Timestamp)
    /// Put a re-link back; comes back as `.relinkUndone`.
    case undoRelink(FactLink)
}

/// A store operation that failed, and why. Typed, so the run loop and plain
/// mode need not read the message to know what failed.
public struct StoreFailure: Hashable, Sendable {
    public enum Operation: Hashable, Sendable {
        /// The answer the store refused.
        case saveReview(ReviewRecord)
        /// The grade change the store refused.
        case replaceReview(ReviewRecord)
        case undo
        case saveCards
        case loadReviewActivity
        case loadFactHistory
        case relink
    }

    public var operation: Operation
    /// The store's own words.
    public var detail: String

    public init(_ operation: Operation, detail: String) {
        self.operation = operation
        self.detail = detail
    }

    /// Whether an answer was lost: the learner must be told at once.
    public var lostAnAnswer: Bool {
        switch operation {
        case .saveReview, .replaceReview: true
        default: false
        }
    }

    /// One line for the status bar or stderr.
    public var summary: String {
        switch operation {
        case .saveReview: "answer NOT saved: \(detail)"
        case .replaceReview: "grade change NOT saved: \(detail)"
        case .undo: "undo failed: \(detail)"
        case .saveCards: "change NOT saved: \(detail)"
        case .loadReviewActivity: "could not read the review log: \(detail)"
        case .loadFactHistory: "could not read the fact's answers: \(detail)"
        case .relink: "re-link NOT saved: \(detail)"
        }
    }
}
