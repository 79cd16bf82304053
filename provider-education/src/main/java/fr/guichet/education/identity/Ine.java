package fr.guichet.education.identity;

import fr.guichet.common.error.ApiException;
import fr.guichet.providerkit.operation.OperationCall;
import java.util.regex.Pattern;

/**
 * The {@code ine} parameter: a student's national identifier (INE), in one of its four forms as
 * the reference checks them ({@code ServiceUser::ValidateINE}): RNIE, BEA, base 36, SIFA.
 */
public final class Ine {

    private static final java.util.List<Pattern> FORMATS = java.util.List.of(
            Pattern.compile("^[0-9]{9}[A-HJK]{2}$", Pattern.CASE_INSENSITIVE),
            Pattern.compile("^[0-9]{10}[A-HJ-NPR-Z]$", Pattern.CASE_INSENSITIVE),
            Pattern.compile("^[0-9A-Z]{10}[0-9]$", Pattern.CASE_INSENSITIVE),
            Pattern.compile("^[0-9]{4}A[0-9]{5}[A-HJ-NPR-Z]$", Pattern.CASE_INSENSITIVE));

    private Ine() {
    }

    /**
     * The INE of {@code call}, as given.
     *
     * @throws ApiException 422 00360 when it is missing or not an INE
     */
    public static String of(OperationCall call) {
        String raw = call.queryParameter("ine");
        String ine = raw == null ? "" : raw.trim();
        if (FORMATS.stream().noneMatch(f -> f.matcher(ine).matches())) {
            throw malformed();
        }
        return ine;
    }

    /** 422 00360, {@code source.parameter} = {@code ine}: also CNOUS's answer 400 to a search by INE. */
    public static ApiException malformed() {
        return ParameterErrors.invalid("00360", "ine");
    }
}
