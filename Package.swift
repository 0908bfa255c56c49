// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "portal",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "portal", targets: ["portal"]),
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
        // Linux calls Swift's Glibc module leaves out (renameat2, for an atomic swap of Site/).
        .systemLibrary(name: "CSystem"),
        .target(
            name: "Portal",
            dependencies: [
                "CCmark",
                "CSystem",
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        // `portal serve`: the preview server, rebuilding on change (FlyingFox on 127.0.0.1).
        .target(
            name: "PortalPreview",
            dependencies: [
                "Portal",
                .product(name: "FlyingFox", package: "FlyingFox"),
                .product(name: "FlyingSocks", package: "FlyingFox"),
            ]
        ),
        .executableTarget(
            name: "portal",
            dependencies: [
                "Portal",
                "PortalPreview",
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
