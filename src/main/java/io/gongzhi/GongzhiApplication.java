package io.gongzhi;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;

/**
 * The Spring application: every module below this package is one Spring Modulith
 * application module, and {@code shared} is the kernel all of them may use.
 */
@SpringBootApplication
@Modulithic(sharedModules = "shared")
public class GongzhiApplication {
}
