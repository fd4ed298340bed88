package fr.conventionent.convention;

/**
 * Published when a new version of a convention changes its ENT operator or the operator's technical correspondents
 * (an avenant): whoever sends them data (AAF deliveries) must stop using the former target.
 */
public record OperatorChanged(String numero, String formerOperator, String newOperator) {
}
