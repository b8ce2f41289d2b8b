/** Emergency command: normal or emergency mode per jurisdiction with its response level, declared, changed and stood down by the committee of that level, inherited by every place below. */
package io.gongzhi.emergency;
