/// Where each pane goes for a screen size: the one place that decides it, so
/// `update` (which keeps the selection in view) and the views agree.
///
/// From 60 columns the tree takes about a third of the width (at least 20
/// columns) beside the detail pane; narrower screens stack the tree above the
/// detail. The last row is the status bar. Below `minimumSize` there are no
/// panes, only a "terminal too small" message.
public struct PaneLayout: Hashable, Sendable {
    /// A rectangle of cells, zero-based from the top-left corner.
    public struct Frame: Hashable, Sendable {
        public var x: Int, y: Int, width: Int, height: Int

        public init(x: Int, y: Int, width: Int, height: Int) {
            (self.x, self.y, self.width, self.height) = (x, y, max(0, width), max(0, height))
        }

        /// Rows inside a box drawn on this frame's edge.
        public var innerHeight: Int { max(0, height - 2) }
        /// Columns inside a box drawn on this frame's edge.
        public var innerWidth: Int { max(0, width - 2) }
    }

    public static let minimumWidth = 32
    public static let minimumHeight = 10
    /// Below this width the detail pane goes under the tree.
    public static let sideBySideWidth = 60

    public var screenWidth: Int
    public var screenHeight: Int
    public var isTooSmall: Bool
    public var tree: Frame
    public var detail: Frame
    public var statusBar: Frame

    public init(width: Int, height: Int) {
        screenWidth = width
        screenHeight = height
        isTooSmall = width < Self.minimumWidth || height < Self.minimumHeight
        statusBar = Frame(x: 0, y: height - 1, width: width, height: 1)
        let contentHeight = max(0, height - 1)
        if isTooSmall {
            tree = Frame(x: 0, y: 0, width: 0, height: 0)
            detail = tree
        } else if width >= Self.sideBySideWidth {
            let treeWidth = max(20, width / 3)
            tree = Frame(x: 0, y: 0, width: treeWidth, height: contentHeight)
            detail = Frame(x: treeWidth, y: 0, width: width - treeWidth, height: contentHeight)
        } else {
            let treeHeight = (contentHeight + 1) / 2
            tree = Frame(x: 0, y: 0, width: width, height: treeHeight)
            detail = Frame(x: 0, y: treeHeight, width: width, height: contentHeight - treeHeight)
        }
    }
}
