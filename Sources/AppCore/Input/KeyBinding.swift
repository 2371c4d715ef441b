/// One row of the key table: the keys, where they apply, what they do, and
/// how the status bar and the help screen describe them.
public struct KeyBinding: Hashable, Sendable {
    /// Key names as `TerminalUI.Key.name` spells them: "Up", "k", "Ctrl-C".
    public var keys: [String]
    /// How help writes the keys, when not simply `keys` joined ("any key").
    public var keysLabel: String
    public var context: KeyContext
    public var command: Command
    /// A few words for the help screen.
    public var summary: String
    /// A short label for the status bar, or nil to leave it out there:
    /// `StatusLabel(keys: "↑↓", action: "move")`.
    public var statusLabel: StatusLabel?

    public struct StatusLabel: Hashable, Sendable {
        public var keys: String
        public var action: String

        public init(keys: String, action: String) {
            self.keys = keys
            self.action = action
        }
    }

    public init(_ keys: [String], in context: KeyContext, _ command: Command, _ summary: String,
                keysLabel: String? = nil, status: StatusLabel? = nil) {
        self.keys = keys
        self.keysLabel = keysLabel ?? keys.joined(separator: " ")
        self.context = context
        self.command = command
        self.summary = summary
        self.statusLabel = status
    }
}
