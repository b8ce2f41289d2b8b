package io.gongzhi.shared;

import java.util.Random;

/**
 * Chinese names for synthetic people (residents, duty contacts). Surnames are drawn by frequency: the hundred most
 * common surnames with shares approximating the 2020 national household-registration ranking
 * (王, 李, 张 … together ~85% of people; the rest share the remainder through a longer list
 * with falling weights). Given names are one character (~20%) or two, drawn from pools by sex
 * and generation (older people 建国/淑芬-style, younger 子轩/梓涵-style) with Zipf-like weights,
 * so common names such as 张伟 and 王芳 recur as they do in a real city. An assumption for
 * synthetic data, not a statistical source.
 */
public final class ChineseNames {

    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任卢姚沈钟姜崔谭陆范汪廖石金韦贾夏付方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾龚邵万覃武钱戴严莫孔向常";
    private static final double[] SHARES = {7.12, 7.00, 6.68, 5.38, 4.53, 3.08, 2.45, 2.29, 2.05, 1.93, 1.61, 1.52, 1.44, 1.29,
            1.19, 1.15, 1.13, 1.12, 1.02, 0.99, 0.86, 0.84, 0.79, 0.72, 0.70, 0.66, 0.63, 0.62, 0.61, 0.59, 0.56, 0.54, 0.51, 0.50,
            0.48, 0.46, 0.45, 0.44, 0.44, 0.43, 0.42, 0.41, 0.40, 0.39, 0.38, 0.37, 0.37, 0.36, 0.36, 0.35, 0.34, 0.33, 0.33, 0.32,
            0.31, 0.31, 0.30, 0.29, 0.29, 0.28, 0.28, 0.27, 0.26, 0.26, 0.26, 0.25, 0.25, 0.24, 0.24, 0.24, 0.23, 0.23, 0.23, 0.22,
            0.22, 0.21, 0.21, 0.20, 0.20, 0.20, 0.19, 0.19, 0.18, 0.18, 0.18, 0.17, 0.17, 0.17, 0.16, 0.16, 0.16, 0.15, 0.15, 0.15,
            0.15, 0.14, 0.14, 0.14, 0.13, 0.13};

    private static final String[][] MALE = {
            "建国军华明平强伟勇刚志忠国兵文光荣德林海福成祥富贵永春".split(""),
            "伟强磊军勇杰涛斌超明刚平辉鹏华飞波宇浩凯健俊帆旭宁龙林阳建东亮文博志成海峰".split(""),
            "子轩浩宇梓睿博文俊杰一诺宇航皓辰泽熙晨逸宸铭奕然天佑嘉懿煜城锦程".split("")};
    private static final String[][] FEMALE = {
            "淑芬秀英玉兰桂珍凤琴素华丽梅霞红芳英兰珍秀云惠贞".split(""),
            "芳娜敏静丽艳娟霞秀玲婷雪慧燕洁颖佳倩欣怡萍红丹玉蓉晶璐薇琳".split(""),
            "梓涵诗雨欣怡可馨子萱一诺思彤语嫣雨桐欣妍梦琪紫涵佳怡若汐悦".split("")};

    private static final double[] CUMULATIVE;

    static {
        CUMULATIVE = new double[SURNAMES.length()];
        double sum = 0;
        for (int i = 0; i < CUMULATIVE.length; i++) {
            sum += SHARES[i];
            CUMULATIVE[i] = sum;
        }
    }

    private ChineseNames() {
    }

    public static String surname(Random random) {
        double x = random.nextDouble() * CUMULATIVE[CUMULATIVE.length - 1];
        int lo = 0;
        int hi = CUMULATIVE.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (CUMULATIVE[mid] < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return String.valueOf(SURNAMES.charAt(lo));
    }

    /** A given name for someone born in {@code year}. */
    public static String given(Random random, boolean male, int year) {
        String[] pool = (male ? MALE : FEMALE)[year < 1970 ? 0 : year < 2000 ? 1 : 2];
        String first = zipf(pool, random);
        return random.nextDouble() < 0.2 ? first : first + zipf(pool, random);
    }

    private static String zipf(String[] pool, Random random) {
        // P(i) ~ 1/(i+1): a few characters dominate, a long tail follows
        double u = random.nextDouble();
        int i = (int) Math.floor(Math.exp(u * Math.log(pool.length + 1.0))) - 1;
        return pool[Math.min(pool.length - 1, Math.max(0, i))];
    }
}
