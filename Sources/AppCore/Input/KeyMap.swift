/// The key table: the one list that drives `update`, the status bar and the
/// help screen.
///
///     KeyMap.standard.command(for: "j", in: .tree)     // .moveDown
///     KeyMap.standard.command(for: "j", in: .detail)   // .moveDown (next fact)
public struct KeyMap: Hashable, Sendable {
    public var bindings: [KeyBinding]
    private var commandsByContext: [KeyContext: [String: Command]]

    public init(bindings: [KeyBinding]) {
        self.bindings = bindings
        var table: [KeyContext: [String: Command]] = [:]
        for binding in bindings {
            for key in binding.keys where table[binding.context]?[key] == nil {
                table[binding.context, default: [:]][key] = binding.command
            }
        }
        commandsByContext = table
    }

    /// The command `key` is bound to in `context` alone.
    public func command(for key: String, in context: KeyContext) -> Command? {
        commandsByContext[context]?[key]
    }

    /// The command `key` means in `context`: its own binding, else the first
    /// inherited context's.
    public func resolve(_ key: String, in context: KeyContext) -> Command? {
        if let command = command(for: key, in: context) { return command }
        for parent in context.inherits {
            if let command = command(for: key, in: parent) { return command }
        }
        return nil
    }

    /// The bindings of one context, in table order.
    public func bindings(in context: KeyContext) -> [KeyBinding] {
        bindings.filter { $0.context == context }
    }

    /// Every binding that works in `context`: its own, then the inherited
    /// ones whose keys it does not bind itself.
    public func effectiveBindings(in context: KeyContext) -> [KeyBinding] {
        var taken = Set<String>()
        var result: [KeyBinding] = []
        for source in [context] + context.inherits {
            for binding in bindings(in: source) {
                let free = binding.keys.filter { !taken.contains($0) }
                if binding.keys.isEmpty || !free.isEmpty { result.append(binding) }
                taken.formUnion(binding.keys)
            }
        }
        return result
    }

    private typealias Label = KeyBinding.StatusLabel

    /// Every key of the app. Ctrl-C normally arrives as SIGINT, which the run
    /// loop turns into a clean quit; it is listed so help shows it.
    public static let standard = KeyMap(bindings: [
        KeyBinding(["Ctrl-L"], in: .global, .repaint, "draw the whole screen again"),
        KeyBinding(["Ctrl-C"], in: .global, .quit, "quit"),

        KeyBinding(["Tab"], in: .browsing, .focusNextPane, "next pane", status: Label(keys: "Tab", action: "pane")),
        KeyBinding(["Shift-Tab"], in: .browsing, .focusPreviousPane, "previous pane"),
        KeyBinding(["/"], in: .browsing, .startSearch, "search topics and facts", status: Label(keys: "/", action: "search")),
        KeyBinding(["n"], in: .browsing, .nextMatch, "next match", status: Label(keys: "n", action: "next")),
        KeyBinding(["N"], in: .browsing, .previousMatch, "previous match", status: Label(keys: "N", action: "prev")),
        KeyBinding(["Esc"], in: .browsing, .clearSearch, "clear the search", status: Label(keys: "Esc", action: "clear")),
        KeyBinding(["s"], in: .browsing, .startStudy, "study it: due, then new", status: Label(keys: "s", action: "study")),
        KeyBinding(["p"], in: .browsing, .startPractice, "practise it"),
        KeyBinding(["x"], in: .browsing, .startExam, "exam on it"),
        KeyBinding(["e"], in: .browsing, .editFact, "edit it in your $EDITOR"),
        KeyBinding(["u"], in: .browsing, .undoAnswer, "undo the last change"),
        KeyBinding(["@"], in: .browsing, .toggleSuspend, "suspend or unsuspend"),
        KeyBinding(["-"], in: .browsing, .toggleBury, "bury until tomorrow"),
        KeyBinding(["+"], in: .browsing, .raiseNewLimit, "10 more new facts today"),
        KeyBinding(["t"], in: .browsing, .showStats, "stats of the selected node", status: Label(keys: "t", action: "stats")),
        KeyBinding(["c"], in: .browsing, .showChanges, "what changed in the notes"),
        KeyBinding(["?"], in: .browsing, .showHelp, "this help", status: Label(keys: "?", action: "help")),
        KeyBinding(["q"], in: .browsing, .quit, "quit", keysLabel: "q Ctrl-C", status: Label(keys: "q", action: "quit")),

        KeyBinding(["Up", "k"], in: .tree, .moveUp, "row above", status: Label(keys: "↑↓", action: "move")),
        KeyBinding(["Down", "j"], in: .tree, .moveDown, "row below"),
        KeyBinding(["PgUp"], in: .tree, .pageUp, "page up"),
        KeyBinding(["PgDn"], in: .tree, .pageDown, "page down"),
        KeyBinding(["Home", "g"], in: .tree, .moveToFirst, "first row"),
        KeyBinding(["End", "G"], in: .tree, .moveToLast, "last row"),
        KeyBinding(["Left", "h"], in: .tree, .collapse, "fold, or go to the parent",
                   status: Label(keys: "←→", action: "fold")),
        KeyBinding(["Right", "l"], in: .tree, .expand, "unfold, or go to the first child"),
        KeyBinding(["Enter"], in: .tree, .toggle, "fold or unfold"),

        KeyBinding(["Up", "k"], in: .detail, .moveUp, "fact above", status: Label(keys: "↑↓", action: "fact")),
        KeyBinding(["Down", "j"], in: .detail, .moveDown, "fact below"),
        KeyBinding(["PgUp"], in: .detail, .pageUp, "a page of facts up"),
        KeyBinding(["PgDn"], in: .detail, .pageDown, "a page of facts down"),
        KeyBinding(["Home", "g"], in: .detail, .moveToFirst, "first fact"),
        KeyBinding(["End", "G"], in: .detail, .moveToLast, "last fact"),
        KeyBinding(["Left", "h"], in: .detail, .focusTree, "back to the tree", status: Label(keys: "←", action: "tree")),

        KeyBinding([], in: .searchInput, .typeSearchText, "add to the search", keysLabel: "text"),
        KeyBinding(["Backspace"], in: .searchInput, .eraseSearchCharacter, "erase a character"),
        KeyBinding(["Enter"], in: .searchInput, .acceptSearch, "keep the matches",
                   status: Label(keys: "Enter", action: "keep")),
        KeyBinding(["Esc"], in: .searchInput, .cancelSearch, "clear the search", status: Label(keys: "Esc", action: "clear")),

        KeyBinding([], in: .help, .closeHelp, "close this help", keysLabel: "any key"),

        KeyBinding(["u"], in: .quiz, .undoAnswer, "undo the last answer", status: Label(keys: "u", action: "undo")),
        KeyBinding(["q", "Esc"], in: .quiz, .endSession, "end the session (its summary)", status: Label(keys: "q", action: "end")),
        KeyBinding(["?"], in: .quiz, .showHelp, "this help", status: Label(keys: "?", action: "help")),

        KeyBinding(["1"], in: .quizChoice, .answer1, "choose option 1", keysLabel: "1-4", status: Label(keys: "1-4", action: "answer")),
        KeyBinding(["2"], in: .quizChoice, .answer2, "choose option 2", keysLabel: "2"),
        KeyBinding(["3"], in: .quizChoice, .answer3, "choose option 3", keysLabel: "3"),
        KeyBinding(["4"], in: .quizChoice, .answer4, "choose option 4", keysLabel: "4"),
        KeyBinding(["5"], in: .quizChoice, .answer5, "choose option 5 (a question of the notes may have up to 9)", keysLabel: "5-9"),
        KeyBinding(["6"], in: .quizChoice, .answer6, "choose option 6", keysLabel: "6"),
        KeyBinding(["7"], in: .quizChoice, .answer7, "choose option 7", keysLabel: "7"),
        KeyBinding(["8"], in: .quizChoice, .answer8, "choose option 8", keysLabel: "8"),
        KeyBinding(["9"], in: .quizChoice, .answer9, "choose option 9", keysLabel: "9"),
        KeyBinding(["Enter"], in: .quizChoice, .submitChoices, "check the options marked (a question with several right)",
                   status: Label(keys: "Enter", action: "check")),

        KeyBinding(["1", "t"], in: .quizTrueFalse, .answer1, "true", status: Label(keys: "1/t", action: "true")),
        KeyBinding(["2", "f"], in: .quizTrueFalse, .answer2, "false", status: Label(keys: "2/f", action: "false")),

        KeyBinding(["Space", "Enter"], in: .quizFlip, .reveal, "turn the card", status: Label(keys: "Space", action: "reveal")),

        KeyBinding(["1"], in: .quizGrade, .answer1, "Again", keysLabel: "1", status: Label(keys: "1", action: "again")),
        KeyBinding(["2"], in: .quizGrade, .answer2, "Hard", status: Label(keys: "2", action: "hard")),
        KeyBinding(["3"], in: .quizGrade, .answer3, "Good", status: Label(keys: "3", action: "good")),
        KeyBinding(["4"], in: .quizGrade, .answer4, "Easy", status: Label(keys: "4", action: "easy")),

        KeyBinding([], in: .quizTyping, .typeAnswerText, "type the missing term", keysLabel: "text"),
        KeyBinding(["Backspace"], in: .quizTyping, .eraseTyped, "erase a character"),
        KeyBinding(["Ctrl-U"], in: .quizTyping, .clearTyped, "clear what was typed"),
        KeyBinding(["Enter"], in: .quizTyping, .submitTyped, "check the answer", status: Label(keys: "Enter", action: "check")),
        KeyBinding(["Esc"], in: .quizTyping, .endSession, "end the session (then u undoes)", status: Label(keys: "Esc", action: "end")),

        KeyBinding(["Space", "Enter"], in: .quizFeedback, .acceptGrade, "next question (the answer is saved)",
                   keysLabel: "Space Enter", status: Label(keys: "Enter", action: "next")),
        KeyBinding(["1"], in: .quizFeedback, .answer1, "grade Again instead", status: Label(keys: "1-4", action: "grade")),
        KeyBinding(["2"], in: .quizFeedback, .answer2, "grade Hard instead"),
        KeyBinding(["3"], in: .quizFeedback, .answer3, "grade Good instead"),
        KeyBinding(["4"], in: .quizFeedback, .answer4, "grade Easy instead"),
        KeyBinding(["@"], in: .quizFeedback, .toggleSuspend, "suspend this fact", status: Label(keys: "@", action: "suspend")),
        KeyBinding(["-"], in: .quizFeedback, .toggleBury, "bury this fact until tomorrow"),
        KeyBinding(["e"], in: .quizFeedback, .editFact, "edit this fact in your $EDITOR"),

        KeyBinding(["Up", "k"], in: .quizSummary, .moveUp, "miss above, or scroll up", status: Label(keys: "↑↓", action: "scroll")),
        KeyBinding(["Down", "j"], in: .quizSummary, .moveDown, "miss below, or scroll down"),
        KeyBinding(["PgUp"], in: .quizSummary, .pageUp, "a page up"),
        KeyBinding(["PgDn"], in: .quizSummary, .pageDown, "a page down"),
        KeyBinding(["Home", "g"], in: .quizSummary, .moveToFirst, "top"),
        KeyBinding(["End", "G"], in: .quizSummary, .moveToLast, "bottom"),
        KeyBinding(["r"], in: .quizSummary, .redrillMisses, "re-drill the misses as practice", status: Label(keys: "r", action: "re-drill")),
        KeyBinding(["e"], in: .quizSummary, .editFact, "edit the selected miss in your $EDITOR",
                   status: Label(keys: "e", action: "edit")),
        KeyBinding(["Esc", "Enter"], in: .quizSummary, .closeQuiz, "back to the tree", status: Label(keys: "Esc", action: "close")),
        KeyBinding(["q"], in: .quizSummary, .quit, "quit", status: Label(keys: "q", action: "quit")),

        KeyBinding(["p"], in: .quizEmpty, .startPractice, "practise instead", status: Label(keys: "p", action: "practise")),
        KeyBinding(["+"], in: .quizEmpty, .raiseNewLimit, "10 more new facts today, and study them",
                   status: Label(keys: "+", action: "10 more new")),
        KeyBinding(["Esc", "Enter"], in: .quizEmpty, .closeQuiz, "back to the tree", status: Label(keys: "Esc", action: "close")),
        KeyBinding(["?"], in: .quizEmpty, .showHelp, "this help"),
        KeyBinding(["q"], in: .quizEmpty, .quit, "quit", status: Label(keys: "q", action: "quit")),

        KeyBinding(["Up", "k"], in: .stats, .moveUp, "topic above", status: Label(keys: "↑↓", action: "topic")),
        KeyBinding(["Down", "j"], in: .stats, .moveDown, "topic below"),
        KeyBinding(["Home", "g"], in: .stats, .moveToFirst, "first topic"),
        KeyBinding(["End", "G"], in: .stats, .moveToLast, "last topic"),
        KeyBinding(["Enter"], in: .stats, .openStatsTopic, "show the topic in the tree", status: Label(keys: "Enter", action: "go to")),
        KeyBinding(["Esc", "t"], in: .stats, .closeStats, "close the stats", status: Label(keys: "Esc", action: "close")),
        KeyBinding(["?"], in: .stats, .showHelp, "this help", status: Label(keys: "?", action: "help")),
        KeyBinding(["q"], in: .stats, .quit, "quit", status: Label(keys: "q", action: "quit")),

        KeyBinding(["Up", "k"], in: .changes, .moveUp, "change above", status: Label(keys: "↑↓", action: "change")),
        KeyBinding(["Down", "j"], in: .changes, .moveDown, "change below"),
        KeyBinding(["Home", "g"], in: .changes, .moveToFirst, "first change"),
        KeyBinding(["End", "G"], in: .changes, .moveToLast, "last change"),
        KeyBinding(["1"], in: .changes, .answer1, "re-link to that candidate", keysLabel: "1-9",
                   status: Label(keys: "1-9", action: "re-link")),
        KeyBinding(["2"], in: .changes, .answer2, "re-link to candidate 2", keysLabel: "2"),
        KeyBinding(["3"], in: .changes, .answer3, "re-link to candidate 3", keysLabel: "3"),
        KeyBinding(["4"], in: .changes, .answer4, "re-link to candidate 4", keysLabel: "4"),
        KeyBinding(["5"], in: .changes, .answer5, "re-link to candidate 5", keysLabel: "5"),
        KeyBinding(["6"], in: .changes, .answer6, "re-link to candidate 6", keysLabel: "6"),
        KeyBinding(["7"], in: .changes, .answer7, "re-link to candidate 7", keysLabel: "7"),
        KeyBinding(["8"], in: .changes, .answer8, "re-link to candidate 8", keysLabel: "8"),
        KeyBinding(["9"], in: .changes, .answer9, "re-link to candidate 9", keysLabel: "9"),
        KeyBinding(["d"], in: .changes, .discardChange, "undo a re-link, or discard gone progress",
                   status: Label(keys: "d", action: "undo/discard")),
        KeyBinding(["r"], in: .changes, .pickFactToRelink, "re-link to a fact you choose",
                   status: Label(keys: "r", action: "re-link to…")),
        KeyBinding(["Esc", "c"], in: .changes, .closeChanges, "back to the tree", status: Label(keys: "Esc", action: "close")),
        KeyBinding(["?"], in: .changes, .showHelp, "this help", status: Label(keys: "?", action: "help")),
        KeyBinding(["q"], in: .changes, .quit, "quit", status: Label(keys: "q", action: "quit")),

        KeyBinding([], in: .factPicker, .typeFactFilter, "narrow the facts", keysLabel: "text"),
        KeyBinding(["Backspace"], in: .factPicker, .eraseFactFilter, "erase a character"),
        KeyBinding(["Up"], in: .factPicker, .moveUp, "fact above", status: Label(keys: "↑↓", action: "fact")),
        KeyBinding(["Down"], in: .factPicker, .moveDown, "fact below"),
        KeyBinding(["PgUp"], in: .factPicker, .pageUp, "a page up"),
        KeyBinding(["PgDn"], in: .factPicker, .pageDown, "a page down"),
        KeyBinding(["Enter"], in: .factPicker, .relinkToPickedFact, "re-link to this fact",
                   status: Label(keys: "Enter", action: "re-link")),
        KeyBinding(["Esc"], in: .factPicker, .cancelFactPicker, "back to the changes", status: Label(keys: "Esc", action: "cancel")),
    ])
}
