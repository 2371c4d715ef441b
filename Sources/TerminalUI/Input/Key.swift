/// A key press, as the backend reads it from the terminal.
public enum Key: Hashable, Sendable {
    case character(Character)
    /// A control chord such as Ctrl-C, with its letter in lower case.
    case control(Character)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case enter, tab, backTab, escape, backspace, delete, insert
    case function(Int)
    /// A key the backend could not name, with its raw code.
    case unknown(Int32)

    /// The key's name, as key tables and the help screen write it:
    /// "Up", "PgDn", "Enter", "Shift-Tab", "Esc", "Ctrl-C", "Space", "j".
    public var name: String {
        switch self {
        case .character(" "): "Space"
        case .character(let character): String(character)
        case .control(let letter): "Ctrl-" + String(letter).uppercased()
        case .up: "Up"
        case .down: "Down"
        case .left: "Left"
        case .right: "Right"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .home: "Home"
        case .end: "End"
        case .enter: "Enter"
        case .tab: "Tab"
        case .backTab: "Shift-Tab"
        case .escape: "Esc"
        case .backspace: "Backspace"
        case .delete: "Delete"
        case .insert: "Insert"
        case .function(let number): "F\(number)"
        case .unknown(let code): "Key-\(code)"
        }
    }
}
