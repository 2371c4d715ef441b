import TerminalUI

/// The styles of the screen. `colour` for terminals with colours; `monochrome`
/// for `NO_COLOR`, `--no-color` and terminals without colour. Nothing relies
/// on colour alone: the selection is reverse video and carries a `›` marker.
public struct Theme: Hashable, Sendable {
    public var border: CellStyle
    public var paneTitle: CellStyle
    public var selection: CellStyle
    public var treeTitle: CellStyle
    public var count: CellStyle
    public var heading: CellStyle
    public var breadcrumb: CellStyle
    public var bullet: CellStyle
    public var body: CellStyle
    public var code: CellStyle
    public var note: CellStyle
    public var statusBar: CellStyle
    public var statusKey: CellStyle
    public var warning: CellStyle
    /// Text that matches the search.
    public var match: CellStyle
    /// The selected fact while the detail pane has the focus.
    public var selectedFact: CellStyle
    /// The box of the help overlay.
    public var overlay: CellStyle

    public static let colour = Theme(
        border: CellStyle(foreground: .blue),
        paneTitle: CellStyle(attributes: .bold, foreground: .cyan),
        selection: CellStyle(attributes: .reverse),
        treeTitle: .plain,
        count: CellStyle(attributes: .dim),
        heading: CellStyle(attributes: .bold, foreground: .yellow),
        breadcrumb: CellStyle(attributes: .dim),
        bullet: CellStyle(foreground: .cyan),
        body: .plain,
        code: CellStyle(foreground: .green),
        note: CellStyle(attributes: .italic),
        statusBar: CellStyle(attributes: .reverse),
        statusKey: CellStyle(attributes: [.reverse, .bold]),
        warning: CellStyle(attributes: .bold, foreground: .red),
        match: CellStyle(attributes: [.bold, .underline], foreground: .black, background: .yellow),
        selectedFact: CellStyle(attributes: .reverse),
        overlay: CellStyle(foreground: .cyan))

    public static let monochrome = Theme(
        border: .plain,
        paneTitle: CellStyle(attributes: .bold),
        selection: CellStyle(attributes: .reverse),
        treeTitle: .plain,
        count: CellStyle(attributes: .dim),
        heading: CellStyle(attributes: .bold),
        breadcrumb: CellStyle(attributes: .dim),
        bullet: .plain,
        body: .plain,
        code: CellStyle(attributes: .underline),
        note: CellStyle(attributes: .italic),
        statusBar: CellStyle(attributes: .reverse),
        statusKey: CellStyle(attributes: [.reverse, .bold]),
        warning: CellStyle(attributes: .bold),
        match: CellStyle(attributes: [.bold, .underline]),
        selectedFact: CellStyle(attributes: .reverse),
        overlay: .plain)
}
