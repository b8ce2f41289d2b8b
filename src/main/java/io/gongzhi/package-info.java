/** Gongzhi (共治): the application and its command line; each sub-package is one module. */
package io.gongzhi;
