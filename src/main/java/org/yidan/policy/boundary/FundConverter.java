package org.yidan.policy.boundary;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.convert.ConverterException;
import jakarta.faces.convert.FacesConverter;
import org.yidan.platform.boundary.FacesMessages;
import org.yidan.policy.entity.DeclaredFunds;
import org.yidan.policy.entity.Fund;

/**
 * Every field holding a {@link Fund} on a screen: the code in the page, the declared fund in the bean. A code no
 * one declared (a forged request) is refused in Chinese beside the field.
 */
@FacesConverter(forClass = Fund.class)
public class FundConverter implements Converter<Fund> {

    @Override
    public Fund getAsObject(FacesContext context, UIComponent component, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return DeclaredFunds.current().find(value.strip()).orElseThrow(() -> {
            String text = FacesMessages.text("fund.undeclared", value.strip());
            return new ConverterException(new FacesMessage(FacesMessage.SEVERITY_ERROR, text, text));
        });
    }

    @Override
    public String getAsString(FacesContext context, UIComponent component, Fund value) {
        return value == null ? "" : value.code();
    }
}
