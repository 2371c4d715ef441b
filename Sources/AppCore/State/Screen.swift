/// What fills the screen: the one value that rendering, keys, the mouse and
/// the status bar all ask, so they cannot disagree about the mode.
///
/// Help and the search being typed are overlays on top of a screen
/// (`AppState.overlay`), not screens of their own: closing them goes back to
/// exactly what was under them.
public enum Screen: Equatable, Sendable {
    /// The tree and the detail of the selected node.
    case browse
    /// A study, practice or exam session, full width.
    case quiz(QuizState)
    /// The stats of a node, beside the tree.
    case stats(StatsViewState)
    /// What changed in the notes since they were last opened (`c`).
    case changes(ChangesViewState)

    /// The quiz, when the screen is one.
    public var quiz: QuizState? {
        if case .quiz(let quiz) = self { return quiz }
        return nil
    }

    /// The stats view, when the screen is one.
    public var stats: StatsViewState? {
        if case .stats(let view) = self { return view }
        return nil
    }

    /// The "what changed" view, when the screen is one.
    public var changes: ChangesViewState? {
        if case .changes(let view) = self { return view }
        return nil
    }
}

/// What is drawn over the screen and takes the keys first.
public enum Overlay: Equatable, Sendable {
    /// The key help: any key closes it.
    case help
    /// A search query being typed (its matches live in `AppState.search`).
    case searchInput
}
