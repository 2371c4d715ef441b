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

    /// The bindings of one context, in table order.
    public func bindings(in context: KeyContext) -> [KeyBinding] {
        bindings.filter { $0.context == context }
    }

    private typealias Label = KeyBinding.StatusLabel

    /// Every key of the app. Ctrl-C normally arrives as SIGINT, which the run
    /// loop turns into a clean quit; it is listed so help shows it.
    public static let standard = KeyMap(bindings: [
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

        KeyBinding(["Tab"], in: .global, .focusNextPane, "next pane", status: Label(keys: "Tab", action: "pane")),
        KeyBinding(["Shift-Tab"], in: .global, .focusPreviousPane, "previous pane"),
        KeyBinding(["/"], in: .global, .startSearch, "search topics and facts", status: Label(keys: "/", action: "search")),
        KeyBinding(["n"], in: .global, .nextMatch, "next match"),
        KeyBinding(["N"], in: .global, .previousMatch, "previous match"),
        KeyBinding(["Esc"], in: .global, .clearSearch, "clear the search"),
        KeyBinding(["?"], in: .global, .showHelp, "this help", status: Label(keys: "?", action: "help")),
        KeyBinding(["q", "Ctrl-C"], in: .global, .quit, "quit", status: Label(keys: "q", action: "quit")),

        KeyBinding([], in: .searchInput, .typeSearchText, "add to the search", keysLabel: "text"),
        KeyBinding(["Backspace"], in: .searchInput, .eraseSearchCharacter, "erase a character"),
        KeyBinding(["Enter"], in: .searchInput, .acceptSearch, "keep the matches",
                   status: Label(keys: "Enter", action: "keep")),
        KeyBinding(["Esc"], in: .searchInput, .cancelSearch, "clear the search", status: Label(keys: "Esc", action: "clear")),

        KeyBinding([], in: .help, .closeHelp, "close this help", keysLabel: "any key"),
    ])
}
