package io.gongzhi.population.internal;

import io.gongzhi.shared.Phone;
import io.gongzhi.shared.Violation;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A resident as typed into a form, an API body or an import row: text fields, checked together
 * by {@link #problems} (one reason per field, each with a message key) and read, once valid,
 * through the typed accessors. Labels are accepted in Chinese or English (男/M, 户籍/local, 是/yes).
 */
public record ResidentForm(String name, String sex, String birthDate, String idKind, String idNumber, String nationality,
                           String phone, String registration, String relation, String partyMember, String careGroups,
                           String movedIn) {

    /** Children for the left-behind-child group are under this age; elderly groups start at {@link #ELDERLY}. */
    public static final int CHILD_UNTIL = 16;
    public static final int ELDERLY = 60;
    private static final Pattern PASSPORT = Pattern.compile("[A-Z0-9]{5,20}");
    private static final Pattern LIST = Pattern.compile("[、,，;；\\s]+");
    private static final Set<String> COUNTRIES = Set.copyOf(Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA3));

    private static final Map<String, String> SEXES = Map.of("男", "M", "女", "F", "m", "M", "f", "F", "male", "M", "female", "F");
    private static final Map<String, IdKind> ID_KINDS = Map.of("居民身份证", IdKind.NATIONAL_ID, "身份证", IdKind.NATIONAL_ID,
            "national_id", IdKind.NATIONAL_ID, "id", IdKind.NATIONAL_ID, "护照", IdKind.PASSPORT, "passport", IdKind.PASSPORT);
    private static final Map<String, Registration> REGISTRATIONS = Map.of("户籍", Registration.LOCAL, "居住证", Registration.PERMIT,
            "暂住", Registration.TEMPORARY, "境外", Registration.FOREIGN, "外籍", Registration.FOREIGN);
    private static final Map<String, Relation> RELATIONS = Map.of("户主", Relation.HEAD, "本人", Relation.HEAD, "配偶", Relation.SPOUSE,
            "子女", Relation.CHILD, "父母", Relation.PARENT, "孙子女", Relation.GRANDCHILD, "兄弟姐妹", Relation.SIBLING, "其他", Relation.OTHER);
    private static final Map<String, Boolean> YES_NO = Map.of("是", true, "否", false, "yes", true, "no", false, "true", true,
            "false", false, "1", true, "0", false, "y", true, "n", false);

    public ResidentForm {
        name = clean(name);
        sex = clean(sex);
        birthDate = clean(birthDate);
        idKind = clean(idKind);
        idNumber = clean(idNumber).replace(" ", "").toUpperCase(Locale.ROOT);
        nationality = clean(nationality).toUpperCase(Locale.ROOT);
        phone = clean(phone);
        registration = clean(registration);
        relation = clean(relation);
        partyMember = clean(partyMember);
        careGroups = clean(careGroups);
        movedIn = clean(movedIn);
    }

    /**
     * Every reason this form cannot be saved. {@code careGroupNames} maps each care group's code and
     * names (lower case) to its code; {@code today} is in China.
     */
    public List<Violation> problems(LocalDate today, Map<String, String> careGroupNames) {
        var problems = new ArrayList<Violation>();
        nameProblems(problems);
        if (sexCode().isEmpty()) {
            problems.add(Violation.of("sex", sex.isEmpty() ? "person.required" : "person.sex-invalid", sex));
        }
        Optional<IdKind> kind = kind();
        Optional<LocalDate> birth = birthProblems(today, kind, documentProblems(kind, problems), problems);
        if (!phone.isEmpty()) {
            problems.addAll(Phone.problems("phone", phone));
        }
        Optional<Registration> reg = registrationValue();
        if (reg.isEmpty()) {
            problems.add(Violation.of("registration", registration.isEmpty() ? "person.required" : "person.registration-invalid", registration));
        } else if (kind.isPresent() && (reg.get() == Registration.FOREIGN) != (kind.get() == IdKind.PASSPORT)) {
            problems.add(Violation.of("registration", "person.foreign-needs-passport"));
        }
        if (relationValue().isEmpty()) {
            problems.add(Violation.of("relation", relation.isEmpty() ? "person.required" : "person.relation-invalid", relation));
        }
        if (party().isEmpty()) {
            problems.add(Violation.of("partyMember", "person.yes-no", partyMember));
        }
        careGroupProblems(birth, today, careGroupNames, problems);
        movedInProblems(birth, today, problems);
        return problems;
    }

    private void nameProblems(List<Violation> problems) {
        if (name.isEmpty()) {
            problems.add(Violation.of("name", "person.required"));
        } else if (name.length() > 60) {
            problems.add(Violation.of("name", "person.too-long", 60));
        } else if (name.chars().anyMatch(Character::isDigit)) {
            problems.add(Violation.of("name", "person.name-digits"));
        }
    }

    /** The identity document's problems (kind, number, the nationality it implies); answers the birth date a valid ID number holds. */
    private Optional<LocalDate> documentProblems(Optional<IdKind> kind, List<Violation> problems) {
        Optional<LocalDate> birth = Optional.empty();
        if (kind.isEmpty()) {
            problems.add(Violation.of("idKind", idKind.isEmpty() ? "person.required" : "person.id-kind-invalid", idKind));
        } else if (idNumber.isEmpty()) {
            problems.add(Violation.of("idNumber", "person.required"));
        } else if (kind.get() == IdKind.NATIONAL_ID) {
            var idProblems = NationalId.problems("idNumber", idNumber);
            problems.addAll(idProblems);
            if (idProblems.isEmpty()) {
                var id = new NationalId(idNumber);
                birth = Optional.of(id.birthDate());
                sexCode().filter(s -> !s.equals(id.male() ? "M" : "F"))
                        .ifPresent(s -> problems.add(Violation.of("sex", "person.sex-differs-from-id")));
                if (!nationality.isEmpty() && !nationality.equals("CHN")) {
                    problems.add(Violation.of("nationality", "person.id-card-is-chinese"));
                }
            }
        } else if (!PASSPORT.matcher(idNumber).matches()) {
            problems.add(Violation.of("idNumber", "person.passport-invalid"));
        }
        if (kind.filter(k -> k == IdKind.PASSPORT).isPresent()) {
            if (nationality.isEmpty()) {
                problems.add(Violation.of("nationality", "person.required"));
            } else if (!COUNTRIES.contains(nationality)) {
                problems.add(Violation.of("nationality", "person.nationality-invalid", nationality));
            }
        }
        return birth;
    }

    /** The birth date typed against the one the ID number holds; answers the birth date to go by. */
    private Optional<LocalDate> birthProblems(LocalDate today, Optional<IdKind> kind, Optional<LocalDate> fromId, List<Violation> problems) {
        Optional<LocalDate> birth = fromId;
        if (!birthDate.isEmpty()) {
            Optional<LocalDate> typed = date(birthDate);
            if (typed.isEmpty()) {
                problems.add(Violation.of("birthDate", "person.date-invalid", birthDate));
            } else if (birth.isPresent() && !birth.get().equals(typed.get())) {
                problems.add(Violation.of("birthDate", "person.birth-differs-from-id", birth.get().toString()));
            } else {
                birth = typed;
            }
        } else if (birth.isEmpty() && kind.filter(k -> k == IdKind.PASSPORT).isPresent()) {
            problems.add(Violation.of("birthDate", "person.required"));
        }
        birth.filter(b -> b.isAfter(today) || b.isBefore(LocalDate.of(1900, 1, 1)))
                .ifPresent(b -> problems.add(Violation.of("birthDate", "person.birth-out-of-range", b.toString())));
        return birth;
    }

    private void careGroupProblems(Optional<LocalDate> birth, LocalDate today, Map<String, String> careGroupNames, List<Violation> problems) {
        // the age reached this year, as shown: a rule by exact age would answer on the birthday itself
        Optional<Integer> age = birth.map(b -> today.getYear() - b.getYear());
        for (String item : items(careGroups)) {
            String code = careGroupNames.get(item.toLowerCase(Locale.ROOT));
            if (code == null) {
                problems.add(Violation.of("careGroups", "person.care-group-unknown", item));
            } else if (age.isPresent() && code.equals("left-behind-child") && age.get() >= CHILD_UNTIL) {
                problems.add(Violation.of("careGroups", "person.care-group-child", CHILD_UNTIL));
            } else if (age.isPresent() && (code.equals("elderly-alone") || code.equals("empty-nest")) && age.get() < ELDERLY) {
                problems.add(Violation.of("careGroups", "person.care-group-elderly", ELDERLY));
            }
        }
    }

    private void movedInProblems(Optional<LocalDate> birth, LocalDate today, List<Violation> problems) {
        if (movedIn.isEmpty()) {
            return;
        }
        Optional<LocalDate> in = date(movedIn);
        if (in.isEmpty()) {
            problems.add(Violation.of("movedIn", "person.date-invalid", movedIn));
        } else if (in.get().isAfter(today)) {
            problems.add(Violation.of("movedIn", "person.date-future"));
        } else if (birth.isPresent() && in.get().isBefore(birth.get())) {
            problems.add(Violation.of("movedIn", "person.moved-in-before-birth"));
        }
    }

    public Optional<String> sexCode() {
        if (sex.equals("M") || sex.equals("F")) {
            return Optional.of(sex);
        }
        return Optional.ofNullable(SEXES.get(sex.toLowerCase(Locale.ROOT)));
    }

    public Optional<IdKind> kind() {
        return lookup(idKind, IdKind.values(), ID_KINDS);
    }

    public Optional<Registration> registrationValue() {
        return lookup(registration, Registration.values(), REGISTRATIONS);
    }

    public Optional<Relation> relationValue() {
        return lookup(relation, Relation.values(), RELATIONS);
    }

    /** Empty means no; anything else must read as yes or no. */
    public Optional<Boolean> party() {
        return partyMember.isEmpty() ? Optional.of(false) : Optional.ofNullable(YES_NO.get(partyMember.toLowerCase(Locale.ROOT)));
    }

    /** The birth date typed, or the one in the identity number. Valid forms only. */
    public LocalDate birth() {
        return date(birthDate).orElseGet(() -> new NationalId(idNumber).birthDate());
    }

    public String nationalityOrDefault() {
        return nationality.isEmpty() ? "CHN" : nationality;
    }

    public LocalDate movedInOr(LocalDate today) {
        return date(movedIn).orElse(today);
    }

    /** The care group codes, given the names map of {@link #problems}. */
    public Set<String> careGroupCodes(Map<String, String> careGroupNames) {
        var codes = new LinkedHashSet<String>();
        for (String item : items(careGroups)) {
            String code = careGroupNames.get(item.toLowerCase(Locale.ROOT));
            if (code != null) {
                codes.add(code);
            }
        }
        return codes;
    }

    /** The number as stored and compared: a phone as normalised by {@link Phone}. */
    public Optional<Phone> phoneValue() {
        return phone.isEmpty() ? Optional.empty() : Phone.parse(phone);
    }

    public static Optional<LocalDate> date(String text) {
        String t = clean(text).replace('/', '-').replace('.', '-');
        if (t.matches("\\d{8}")) {
            t = t.substring(0, 4) + "-" + t.substring(4, 6) + "-" + t.substring(6);
        }
        try {
            return t.isEmpty() ? Optional.empty() : Optional.of(LocalDate.parse(t.length() == 10 ? t : pad(t)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static String pad(String t) {
        String[] p = t.split("-");
        if (p.length != 3) {
            return t;
        }
        return String.format(Locale.ROOT, "%s-%2s-%2s", p[0], p[1], p[2]).replace(' ', '0');
    }

    private static List<String> items(String list) {
        return list.isEmpty() ? List.of() : Arrays.stream(LIST.split(list)).filter(s -> !s.isBlank()).toList();
    }

    private static <E extends Enum<E>> Optional<E> lookup(String text, E[] values, Map<String, E> labels) {
        for (E value : values) {
            if (value.name().equalsIgnoreCase(text)) {
                return Optional.of(value);
            }
        }
        return Optional.ofNullable(labels.get(text.toLowerCase(Locale.ROOT)));
    }

    private static String clean(String s) {
        return s == null ? "" : s.strip();
    }
}
