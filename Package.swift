// swift-tools-version:6.0
//
// awsml-tui: a full-screen terminal study app. The targets follow the module
// table of ARCHITECTURE.md; keep the two in step.
import PackageDescription

let package = Package(
    name: "awsml-tui",
    products: [
        .executable(name: "awsml-tui", targets: ["awsml-tui"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
    ],
    targets: [
        // System libraries: a module map and a shim header each.
        .systemLibrary(name: "CCmarkGFM", pkgConfig: "libcmark-gfm",
                       providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]),
        .systemLibrary(name: "CNCursesW",
                       providers: [.apt(["libncurses-dev"])]),
        // Async-signal-safe terminal restore on signals and crashes (C, because a
        // signal handler may only touch `volatile sig_atomic_t` state).
        .target(name: "CTerminalGuard", linkerSettings: [.linkedLibrary("ncursesw")]),
        .target(name: "CCmarkArena"),
        .target(name: "CThreadPlacement"),
        // ICU's word breaks (with its Chinese/Japanese dictionaries), so
        // questions blank whole words in any script.
        .target(name: "CWordBreak", linkerSettings: [
            .linkedLibrary("icuuc"), .linkedLibrary("icudata"), .linkedLibrary("stdc++"),
            .linkedLibrary("m"), .linkedLibrary("dl"),
        ]),

        // Build tool that turns assets/ into Swift source, so the bundled post is
        // compiled into the binary and works from any folder.
        .executableTarget(name: "EmbedAsset"),
        .plugin(name: "EmbedBundledPost", capability: .buildTool(), dependencies: ["EmbedAsset"]),

        // What may reach a terminal: one rule for the screen, the reports and the error lines.
        .target(name: "SafeText"),
        .target(name: "DeckKit", dependencies: ["CCmarkGFM", "CCmarkArena", "SafeText"],
                plugins: ["EmbedBundledPost"]),
        .target(name: "StudyCore", dependencies: ["DeckKit", "CWordBreak"]),
        .target(name: "ProgressSQLite", dependencies: ["StudyCore", "DeckKit", .product(name: "GRDB", package: "GRDB.swift"),
                                                  // SQLite's column calls, for the reads of 100,000 rows (`SQLiteColumns`).
                                                  .product(name: "GRDBSQLite", package: "GRDB.swift")]),
        .target(name: "Reports", dependencies: ["DeckKit", "StudyCore", "SafeText"]),
        .target(name: "TerminalUI", dependencies: ["SafeText"]),
        .target(name: "AppCore", dependencies: ["DeckKit", "StudyCore", "TerminalUI"]),
        .target(name: "AppViews", dependencies: ["AppCore", "DeckKit", "StudyCore", "TerminalUI"]),
        .target(name: "AppRuntime", dependencies: ["AppCore", "AppViews", "StudyCore", "TerminalUI"]),
        .target(name: "CursesBackend", dependencies: ["TerminalUI", "CNCursesW", "CTerminalGuard"]),
        .executableTarget(
            name: "awsml-tui",
            dependencies: [
                "DeckKit", "StudyCore", "ProgressSQLite", "Reports", "TerminalUI", "AppCore", "AppViews", "AppRuntime", "CursesBackend", "CThreadPlacement",
                "SafeText",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),

        // Benchmarks print figures; they are never timed assertions.
        .executableTarget(name: "DeckLoadBenchmark", dependencies: ["DeckKit", "CCmarkGFM"],
                          path: "benchmarks/DeckLoadBenchmark"),
        .executableTarget(name: "KeyBenchmark", dependencies: ["AppCore", "AppViews", "DeckKit", "TerminalUI"],
                          path: "benchmarks/KeyBenchmark"),
        .executableTarget(name: "LoaderFuzz", dependencies: ["DeckKit"], path: "benchmarks/LoaderFuzz"),
        .executableTarget(name: "QuestionBenchmark", dependencies: ["StudyCore", "DeckKit", "Reports"],
                          path: "benchmarks/QuestionBenchmark"),
        .executableTarget(name: "FSRSBenchmark", dependencies: ["StudyCore", "DeckKit"],
                          path: "benchmarks/FSRSBenchmark"),
        .executableTarget(name: "RelinkBenchmark", dependencies: ["StudyCore", "DeckKit"],
                          path: "benchmarks/RelinkBenchmark"),
        // Test helper: answers in a loop so a test can kill it with SIGKILL.
        .executableTarget(name: "ProgressWriter", dependencies: ["ProgressSQLite", "StudyCore", "DeckKit"],
                          path: "Tests/Support/ProgressWriter"),

        .testTarget(name: "DeckKitTests", dependencies: ["DeckKit"]),
        .testTarget(name: "StudyCoreTests", dependencies: ["StudyCore", "DeckKit", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "ProgressSQLiteTests", dependencies: ["ProgressSQLite", "StudyCore", "DeckKit", "Reports", "TestSupport",
                                                       .product(name: "GRDB", package: "GRDB.swift")],
                    exclude: ["Fixtures"]),
        // Test helpers as their own target: a fixed-clock study simulation.
        .target(name: "TestSupport", dependencies: ["StudyCore", "DeckKit"], path: "Tests/Support/TestSupport"),
        .testTarget(name: "ReportsTests", dependencies: ["Reports", "StudyCore", "DeckKit", "TestSupport"], exclude: ["Golden"]),
        .testTarget(name: "TerminalUITests", dependencies: ["TerminalUI", "SafeText"]),
        .testTarget(name: "AppCoreTests", dependencies: ["AppCore", "DeckKit", "StudyCore"]),
        .testTarget(name: "AppViewsTests", dependencies: ["AppViews", "AppCore", "DeckKit", "StudyCore", "TerminalUI", "TestSupport",
                                                          "Reports"],
                    exclude: ["Snapshots"]),
        .testTarget(name: "AppRuntimeTests",
                    dependencies: ["AppRuntime", "AppCore", "AppViews", "ProgressSQLite", "StudyCore", "DeckKit", "TerminalUI"]),
        .testTarget(name: "CursesBackendTests",
                    dependencies: ["CursesBackend", "TerminalUI", "AppViews", "AppCore", "DeckKit"]),
    ]
)
