package io.gongzhi.population.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The draws behind {@link SyntheticPopulation}: an age from 5-year bands, a household member's
 * relation to the head from the two ages, the care groups a person falls in (at the shares that
 * class documents), a foreign name. Every draw takes the caller's {@link Random}, in a fixed order,
 * so the same seed gives the same people.
 */
final class SyntheticDraws {

    private SyntheticDraws() {
    }

    /** An age of at least {@code min}, its 5-year band drawn by the running shares, the year within it evenly. */
    static int age(Random random, double[] cumulative, int min) {
        while (true) {
            int band = draw(cumulative, random);
            int age = band * 5 + random.nextInt(5);
            if (age >= min) {
                return age;
            }
        }
    }

    /** An index drawn with the weights whose running sums are {@code cumulative}. */
    static int draw(double[] cumulative, Random random) {
        double x = random.nextDouble() * cumulative[cumulative.length - 1];
        for (int i = 0; i < cumulative.length; i++) {
            if (x < cumulative[i]) {
                return i;
            }
        }
        return cumulative.length - 1;
    }

    /** Running sums of {@code shares}, the first {@code boostedBands} of them multiplied by {@code boost}. */
    static double[] cumulative(double[] shares, double boost, int boostedBands) {
        var out = new double[shares.length];
        double sum = 0;
        for (int i = 0; i < shares.length; i++) {
            sum += shares[i] * (i < boostedBands ? boost : 1);
            out[i] = sum;
        }
        return out;
    }

    /** A member's relation to the head, from their ages: the first adult of about the head's age is the spouse. */
    static Relation relation(int age, int headAge, boolean spouseTaken) {
        int older = age - headAge;
        if (!spouseTaken && Math.abs(older) <= 12 && age >= 20) {
            return Relation.SPOUSE;
        } else if (older <= -40) {
            return Relation.GRANDCHILD;
        } else if (older <= -16) {
            return Relation.CHILD;
        } else if (older >= 18) {
            return Relation.PARENT;
        } else if (age >= 18 && Math.abs(older) <= 15) {
            return Relation.SIBLING;
        }
        return Relation.OTHER;
    }

    /** The care groups (their codes) of one person of a household of {@code size}, drawn at the shares {@link SyntheticPopulation} names. */
    static List<String> careGroups(Random random, int age, boolean male, int size, boolean allElderly, boolean lowIncome,
                                   boolean workingAdult) {
        var groups = new ArrayList<String>(2);
        if (size == 1 && age >= 60) {
            groups.add("elderly-alone");
        }
        if (allElderly) {
            groups.add("empty-nest");
        }
        if (random.nextDouble() < 0.03) {
            groups.add("disabled");
        }
        if (lowIncome) {
            groups.add("low-income");
        }
        if (size == 1 && random.nextDouble() < 0.0015) {
            groups.add("extreme-hardship");
        }
        if (male && age >= 25 && random.nextDouble() < 0.035) {
            groups.add("veteran");
        }
        if (age >= 40 && random.nextDouble() < 0.006) {
            groups.add("serious-illness");
        }
        if (age < 16 && (!workingAdult || random.nextDouble() < 0.01)) {
            groups.add("left-behind-child");
        }
        return groups;
    }

    static String foreignName(Random random, boolean male) {
        String[] given = male ? new String[] {"James", "Min-jun", "Hiroshi", "Lukas", "Pierre", "Ivan", "Somchai", "Ali"}
                : new String[] {"Emma", "Seo-yeon", "Yuki", "Anna", "Camille", "Olga", "Mali", "Sara"};
        String[] family = {"Smith", "Kim", "Tanaka", "Müller", "Martin", "Ivanov", "Wong", "Khan", "Brown", "Lee"};
        return given[random.nextInt(given.length)] + " " + family[random.nextInt(family.length)];
    }
}
