// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "portal",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "portal", targets: ["portal"]),
        .executable(name: "portal-serve", targets: ["portal-serve"]),
        .library(name: "Portal", targets: ["Portal"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
        .package(url: "https://github.com/swhitty/FlyingFox", exact: "0.27.1"),
    ],
    targets: [
        // Debian's libcmark-dev (cmark 0.30), found through pkg-config.
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        // Debian's libqpdf-dev (qpdf 11), through its C API: the facts of PDF files.
        .systemLibrary(
            name: "CQPDF",
            pkgConfig: "libqpdf",
            providers: [.apt(["libqpdf-dev"])]
        ),
        // Linux calls Swift's Glibc module leaves out (renameat2, for an atomic swap of Site/).
        .systemLibrary(name: "CSystem"),
        .target(
            name: "Portal",
            dependencies: [
                "CCmark",
                "CQPDF",
                "CSystem",
                .product(name: "Yams", package: "Yams"),
            ],
            plugins: ["EmbedFolders"]
        ),
        // The default theme (Theme/) and the starter project (Starter/), carried inside the
        // program: a board's project needs neither folder.
        .plugin(name: "EmbedFolders", capability: .buildTool(), dependencies: ["embed-folders"]),
        .executableTarget(name: "embed-folders"),
        // `portal serve`: the preview server, rebuilding on change (FlyingFox on 127.0.0.1).
        .target(
            name: "PortalPreview",
            dependencies: [
                "Portal",
                .product(name: "FlyingFox", package: "FlyingFox"),
                .product(name: "FlyingSocks", package: "FlyingFox"),
            ]
        ),
        // What the commands share: the site options and how problems are printed.
        .target(
            name: "PortalCommandLine",
            dependencies: [
                "Portal",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // `portal`: build, new, check, and serve (which runs portal-serve). Without the
        // preview's networking, `make site` links Swift's libraries in (--static-swift-stdlib):
        // a build then starts in 7 ms instead of 20.
        .executableTarget(
            name: "portal",
            dependencies: [
                "Portal",
                "PortalCommandLine",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // `portal serve`, apart: its web server needs Foundation's networking (libcurl).
        .executableTarget(
            name: "portal-serve",
            dependencies: [
                "Portal",
                "PortalPreview",
                "PortalCommandLine",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "PortalTests",
            dependencies: ["Portal", "PortalPreview"],
            exclude: ["Fixtures"]
        ),
    ]
)
