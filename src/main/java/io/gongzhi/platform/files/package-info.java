/** Uploaded files judged by their bytes (JPEG, PNG, WebP, PDF), photos checked whole and kept without their metadata, for every module that takes files. */
@NamedInterface("files")
package io.gongzhi.platform.files;

import org.springframework.modulith.NamedInterface;
