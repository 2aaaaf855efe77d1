package org.yidan.platform.boundary;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.convert.ConverterException;
import jakarta.faces.convert.FacesConverter;
import org.yidan.platform.control.AmountText;

import java.math.BigDecimal;

/**
 * The one converter of amount fields ({@code converter="yidan.amount"} on a plain input): refuses, in Chinese and
 * beside the field, whatever {@link AmountText} does not read as an amount; the field keeps what was typed.
 */
@FacesConverter("yidan.amount")
public class AmountConverter implements Converter<BigDecimal> {

    @Override
    public BigDecimal getAsObject(FacesContext context, UIComponent component, String value) {
        try {
            return AmountText.parse(value).orElse(null);
        } catch (IllegalArgumentException notAnAmount) {
            Object label = component.getAttributes().get("label");
            String text = FacesMessages.text("amount.invalid", label == null ? "" : label, value.strip());
            throw new ConverterException(new FacesMessage(FacesMessage.SEVERITY_ERROR, text, text), notAnAmount);
        }
    }

    @Override
    public String getAsString(FacesContext context, UIComponent component, BigDecimal value) {
        return AmountText.format(value);
    }
}
