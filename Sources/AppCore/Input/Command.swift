/// Something the user asks for, whatever key they used to ask. What a move
/// means depends on the focused pane: rows in the tree, facts in the detail.
public enum Command: String, Hashable, Sendable, CaseIterable {
    case moveUp, moveDown, pageUp, pageDown, moveToFirst, moveToLast
    case collapse, expand, toggle
    case focusNextPane, focusPreviousPane, focusTree
    case startSearch, nextMatch, previousMatch, clearSearch
    case acceptSearch, cancelSearch, eraseSearchCharacter, typeSearchText
    case showHelp, closeHelp
    case startStudy, startPractice, startExam
    /// Open the selected fact's post at its line in the learner's editor.
    case editFact
    /// The "what changed" screen: open, close, undo a re-link or discard.
    case showChanges, closeChanges, discardChange
    /// Re-link a gone (or doubtful) change to any fact of the deck, chosen
    /// in a picker: open it, type to narrow it, take the fact, or cancel.
    case pickFactToRelink, typeFactFilter, eraseFactFilter, relinkToPickedFact, cancelFactPicker
    case answer1, answer2, answer3, answer4, answer5, answer6, answer7, answer8, answer9
    case submitChoices
    case reveal, acceptGrade, submitTyped, eraseTyped, clearTyped, typeAnswerText
    case undoAnswer, endSession, redrillMisses, closeQuiz
    case showStats, closeStats, openStatsTopic
    case toggleSuspend, toggleBury, raiseNewLimit
    case repaint
    case quit
}
